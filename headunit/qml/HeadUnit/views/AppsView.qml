import QtQuick
import HeadUnit

// The app launcher. Until partner apps are installed it shows its empty state.
Item {
    id: root

    EmptyState {
        anchors.fill: parent
        iconName: "apps"
        title: qsTr("No apps installed")
        message: qsTr("Partner apps you install appear here.")
    }
}
