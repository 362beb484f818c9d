import QtQuick
import HeadUnit

// The map area. Until map data is installed it shows its empty state.
Item {
    id: root

    EmptyState {
        anchors.fill: parent
        iconName: "map"
        title: qsTr("No map installed")
        message: qsTr("The offline map, place search and routing appear here once map data is installed on this unit.")
    }
}
