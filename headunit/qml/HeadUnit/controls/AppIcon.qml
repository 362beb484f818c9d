import QtQuick
import HeadUnit

// One app in a launcher: its icon (an image file's URL) on a rounded tile, its name below.
// Taps are its own unless `interactive` is false (the launcher grid handles input itself
// and sets `pressed`); `dimmed` greys out an app that cannot be used now, `lifted` shows
// a tile being dragged.
Item {
    id: root

    property url iconUrl
    property string name
    property bool dimmed: false
    property bool lifted: false
    property bool interactive: true
    property bool pressed: tap.pressed
    property real iconSize: Math.min(Sizes.iconLarge * 1.3, Math.min(width, height - label.height - Sizes.dp(8)) * 0.8)
    readonly property bool iconLoaded: image.status === Image.Ready   // loaded off the GUI thread

    signal clicked()

    implicitWidth: Sizes.touchTarget * 1.6
    implicitHeight: Sizes.touchTarget * 1.6 + label.height

    Accessible.role: Accessible.Button
    Accessible.name: root.name
    Accessible.onPressAction: root.clicked()

    Item {
        id: body
        anchors.fill: parent
        scale: root.lifted ? 1.12 : (root.pressed ? 0.94 : 1)
        opacity: root.dimmed ? 0.4 : 1

        Behavior on scale { NumberAnimation { duration: 120 } }

        Rectangle {
            id: tile
            objectName: "appIconTile"
            width: root.iconSize
            height: width
            anchors.horizontalCenter: parent.horizontalCenter
            y: Math.max(0, (parent.height - height - Sizes.dp(8) - label.height) / 2)
            radius: Sizes.radius
            color: root.pressed ? Theme.surfacePressed : Theme.surface
            border.color: root.lifted ? Theme.accent : Theme.divider
            border.width: root.lifted ? Math.max(2, Sizes.dp(3)) : 1

            Image {
                id: image
                anchors.centerIn: parent
                width: parent.width * 0.68
                height: width
                sourceSize.width: width
                sourceSize.height: height
                source: root.iconUrl
                fillMode: Image.PreserveAspectFit
                smooth: true
                asynchronous: true
            }
        }

        Text {
            id: label
            anchors.top: tile.bottom
            anchors.topMargin: Sizes.dp(8)
            anchors.horizontalCenter: parent.horizontalCenter
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: root.name
            color: Theme.text
            font.pixelSize: Sizes.fontCaption
            elide: Text.ElideRight
        }
    }

    TapHandler {
        id: tap
        enabled: root.interactive
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: root.clicked()
    }
}
