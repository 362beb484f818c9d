import QtQuick
import HeadUnit

// Pay by QR (step 4 of 5): the code to scan with a phone's wallet app, the amount and
// a countdown. The code is drawn pixel-exact (no smoothing) on white in both themes,
// as large as the card allows; wide cards put it left of the text and buttons.
Rectangle {
    id: root

    property url qrSource              // an image URL, e.g. a data: URI PNG of the code
    property string amountText         // "€5.00"
    property string merchant
    property int secondsLeft: -1       // the code's countdown; < 0 hides it
    property string statusText         // "Checking the payment…"
    property int step: 0
    property int steps: 0

    signal useWalletRequested()
    signal cancelRequested()
    signal backRequested()

    readonly property bool wide: width > height * 1.2
    readonly property string countdownText: {
        if (root.secondsLeft < 0)
            return qsTr("Waiting for your phone…");
        const seconds = root.secondsLeft % 60;
        return qsTr("Waiting for your phone… %1")
               .arg(Math.floor(root.secondsLeft / 60) + ":" + (seconds < 10 ? "0" : "") + seconds);
    }

    radius: Sizes.radius
    color: Theme.surface
    border.color: Theme.divider

    // Presses on the panel stay on it: the map underneath must not pan or pick a point.
    MouseArea { anchors.fill: parent; acceptedButtons: Qt.AllButtons; onWheel: (wheel) => wheel.accepted = true }

    Item {
        id: header
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Sizes.margin
        height: Math.max(back.height, titles.implicitHeight)

        RoundButton {
            id: back
            objectName: "qrPaymentBack"
            anchors.left: parent.left
            anchors.verticalCenter: parent.verticalCenter
            iconName: "close"
            accessibleName: qsTr("Back")
            onClicked: root.backRequested()
        }
        Column {
            id: titles
            anchors.left: back.right
            anchors.leftMargin: Sizes.spacing
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            Text {
                width: parent.width
                text: qsTr("Scan to pay")
                color: Theme.text
                font.pixelSize: Sizes.fontTitle
                font.bold: true
                elide: Text.ElideRight
            }
            Text {
                width: parent.width
                visible: root.steps > 0
                text: qsTr("Step %1 of %2").arg(root.step).arg(root.steps)
                color: Theme.textMuted
                font.pixelSize: Sizes.fontCaption
                elide: Text.ElideRight
            }
        }
    }

    Item {
        id: body
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: header.bottom
        anchors.bottom: parent.bottom
        anchors.margins: Sizes.margin
        anchors.topMargin: Sizes.spacing

        // Wide: the code takes the height, the text keeps a readable column beside it.
        // Narrow: the code takes what the text and buttons below it leave.
        readonly property real qrSide: Math.max(0, root.wide
            ? Math.min(height, width - Sizes.margin - Math.max(width * 0.4, Sizes.dp(240)))
            : Math.min(width, height - info.implicitHeight - Sizes.spacing))

        Rectangle {
            id: qrFrame
            x: root.wide ? 0 : (body.width - width) / 2
            y: root.wide ? (body.height - height) / 2 : 0
            width: Math.round(body.qrSide)
            height: width
            radius: Sizes.radius / 2
            color: "white"   // a QR code needs dark modules on a light quiet zone, day and night
            border.color: Theme.divider

            Image {
                id: qrImage
                objectName: "qrImage"
                anchors.fill: parent
                anchors.margins: Math.round(parent.width * 0.04)
                source: root.qrSource
                fillMode: Image.PreserveAspectFit
                smooth: false
                mipmap: false
                Accessible.role: Accessible.Graphic
                Accessible.name: qsTr("Payment QR code")
            }
        }

        Column {
            id: info
            x: root.wide ? qrFrame.width + Sizes.margin : 0
            y: root.wide ? Math.max(0, (body.height - height) / 2) : qrFrame.height + Sizes.spacing
            width: body.width - x
            spacing: Sizes.spacing / 2

            Text {
                objectName: "qrAmount"
                width: parent.width
                horizontalAlignment: root.wide ? Text.AlignLeft : Text.AlignHCenter
                text: root.amountText
                color: Theme.text
                font.pixelSize: Sizes.fontDisplay
                font.bold: true
                elide: Text.ElideRight
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("Amount %1").arg(root.amountText)
            }
            Text {
                width: parent.width
                visible: root.merchant.length > 0
                horizontalAlignment: root.wide ? Text.AlignLeft : Text.AlignHCenter
                text: root.merchant
                color: Theme.textMuted
                font.pixelSize: Sizes.fontBody
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
            }
            Text {
                objectName: "qrCountdown"
                width: parent.width
                horizontalAlignment: root.wide ? Text.AlignLeft : Text.AlignHCenter
                text: root.countdownText
                color: Theme.text
                font.pixelSize: Sizes.fontBody
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
            Text {
                objectName: "qrStatus"
                width: parent.width
                visible: root.statusText.length > 0
                horizontalAlignment: root.wide ? Text.AlignLeft : Text.AlignHCenter
                text: root.statusText
                color: Theme.textMuted
                font.pixelSize: Sizes.fontCaption
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
            Item { width: 1; height: Sizes.spacing / 2 }
            // Wide: the buttons stacked in the text column; narrow: side by side under the code.
            Grid {
                id: buttons
                width: parent.width
                columns: root.wide ? 1 : 2
                spacing: Sizes.spacing / 2
                readonly property real cell: root.wide ? width : (width - spacing) / 2
                TextButton {
                    objectName: "useWallet"
                    width: buttons.cell
                    accent: true
                    text: qsTr("Use wallet")
                    onClicked: root.useWalletRequested()
                }
                TextButton {
                    objectName: "qrCancel"
                    width: buttons.cell
                    text: qsTr("Cancel")
                    onClicked: root.cancelRequested()
                }
            }
        }
    }
}
