import QtQuick
import HeadUnit

// The vehicle status area. Until a vehicle source is connected it shows its empty state.
Item {
    id: root

    EmptyState {
        anchors.fill: parent
        iconName: "vehicle"
        title: qsTr("No vehicle data")
        message: qsTr("Range, doors, windows, tyres and climate appear here once the vehicle is connected.")
    }
}
