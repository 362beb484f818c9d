import QtQuick
import HeadUnit

// Shown instead of the payment's screen while the car moves: a calm pause sign, a few
// words from the view ("Nothing has been charged."), the amount, and Cancel.
Rectangle {
    id: root

    property string title: qsTr("Paused while driving")
    property string text
    property string amountText

    signal cancelRequested()

    radius: Sizes.radius
    color: Theme.surface
    border.color: Theme.divider

    // Presses on the panel stay on it: the map underneath must not pan or pick a point.
    MouseArea { anchors.fill: parent; acceptedButtons: Qt.AllButtons; onWheel: (wheel) => wheel.accepted = true }

    Flickable {
        id: flick
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.bottom: cancel.top
        anchors.margins: Sizes.margin
        clip: true
        contentWidth: width
        contentHeight: Math.max(height, content.height)
        interactive: content.height > height
        boundsBehavior: Flickable.StopAtBounds

        Column {
            id: content
            width: flick.width
            y: Math.max(0, (flick.height - height) / 2)
            spacing: Sizes.spacing

            Rectangle {
                objectName: "pausedIcon"
                anchors.horizontalCenter: parent.horizontalCenter
                width: Sizes.iconLarge
                height: width
                radius: width / 2
                color: Theme.accentSoft
                Accessible.role: Accessible.Graphic
                Accessible.name: qsTr("Paused")
                Row {
                    anchors.centerIn: parent
                    spacing: parent.width * 0.12
                    Repeater {
                        model: 2
                        Rectangle {
                            width: Sizes.iconLarge * 0.14
                            height: Sizes.iconLarge * 0.42
                            radius: width / 3
                            color: Theme.accent
                        }
                    }
                }
            }
            Text {
                objectName: "pausedTitle"
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                text: root.title
                color: Theme.text
                font.pixelSize: Sizes.fontDisplay
                font.bold: true
                wrapMode: Text.Wrap
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Text {
                objectName: "pausedText"
                width: parent.width
                visible: root.text.length > 0
                horizontalAlignment: Text.AlignHCenter
                text: root.text
                color: Theme.textMuted
                font.pixelSize: Sizes.fontBody
                wrapMode: Text.Wrap
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
            Text {
                objectName: "pausedAmount"
                width: parent.width
                visible: root.amountText.length > 0
                horizontalAlignment: Text.AlignHCenter
                text: root.amountText
                color: Theme.text
                font.pixelSize: Sizes.fontTitle
                font.bold: true
                elide: Text.ElideRight
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("Amount %1").arg(root.amountText)
            }
        }
    }

    TextButton {
        id: cancel
        objectName: "pausedCancel"
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Sizes.margin
        width: Math.min(parent.width - 2 * Sizes.margin, Sizes.dp(420))
        height: Sizes.touchTarget * 1.15
        text: qsTr("Cancel")
        onClicked: root.cancelRequested()
    }
}
