import QtQuick
import HeadUnit

// The car on the map: an arrow in a disc, turned to the heading (degrees
// clockwise from the map's north). Muted when the position is not current.
Item {
    id: root

    property real heading: 0
    property bool valid: true

    implicitWidth: Sizes.icon
    implicitHeight: Sizes.icon
    Accessible.role: Accessible.Graphic
    Accessible.name: qsTr("Your car")

    Rectangle {
        anchors.centerIn: parent
        width: parent.width * 1.5
        height: width
        radius: width / 2
        color: root.valid ? Theme.accent : Theme.textMuted
        opacity: 0.18
    }

    Rectangle {
        id: disc

        anchors.fill: parent
        radius: width / 2
        color: root.valid ? Theme.accent : Theme.textMuted
        border.width: Math.max(2, width / 12)
        border.color: Theme.surface
    }

    Icon {
        anchors.centerIn: parent
        width: parent.width * 0.62
        height: width
        name: "arrow"
        color: Theme.accentText
        rotation: root.heading
    }
}
