import QtQuick
import HeadUnit

// What an area shows while it has nothing to show: an icon, a title, a line of help.
Item {
    id: root

    property string iconName
    property string title
    property string message

    Column {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Sizes.margin, Sizes.dp(720))
        spacing: Sizes.spacing

        Icon {
            anchors.horizontalCenter: parent.horizontalCenter
            name: root.iconName
            width: Sizes.iconLarge
            height: Sizes.iconLarge
            color: Theme.textMuted
        }

        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: root.title
            color: Theme.text
            font.pixelSize: Sizes.fontTitle
            font.bold: true
            wrapMode: Text.Wrap
        }

        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: root.message
            color: Theme.textMuted
            font.pixelSize: Sizes.fontBody
            wrapMode: Text.Wrap
        }
    }
}
