import QtQuick
import HeadUnit

// A large home-screen tile that opens an area.
Item {
    id: root

    property string iconName
    property string title
    property string subtitle

    signal clicked()

    Accessible.role: Accessible.Button
    Accessible.name: root.title
    Accessible.description: root.subtitle
    Accessible.onPressAction: root.clicked()

    Rectangle {
        anchors.fill: parent
        radius: Sizes.radius
        color: tap.pressed ? Theme.surfacePressed : Theme.surface
        border.color: Theme.divider
        border.width: 1
    }

    // Top-aligned, so tiles in a row line up whatever their subtitles' length.
    Column {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Sizes.margin
        anchors.topMargin: Math.max(Sizes.margin, (parent.height - Sizes.dp(220)) / 2)
        spacing: Sizes.dp(10)

        Icon {
            name: root.iconName
            width: Sizes.icon * 1.3
            height: width
            color: Theme.accent
        }

        Text {
            width: parent.width
            text: root.title
            color: Theme.text
            font.pixelSize: Sizes.fontTitle
            font.bold: true
            elide: Text.ElideRight
        }

        Text {
            width: parent.width
            text: root.subtitle
            color: Theme.textMuted
            font.pixelSize: Sizes.fontBody
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }
    }

    TapHandler {
        id: tap
        onTapped: root.clicked()
    }
}
