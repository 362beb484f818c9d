pragma ComponentBehavior: Bound
import QtQuick
import HeadUnit

// Review and confirm, screen 3: what is bought, where and when, the total, and how to pay.
// Whether paying is allowed now (parked), online or not, and whether an offline request can be
// queued all come from the store and the restriction engine; this panel only shows them.
Rectangle {
    id: root

    property string title: qsTr("Review")
    property string poiName
    property var lines: []           // what, where, when/until: ready-made strings
    property string totalText
    property bool paymentAllowed: false
    property bool online: true
    property bool busy: false        // a request is being sent
    property bool offlineReservable: false
    property int step: 0
    property int steps: 0
    property string message          // an error or information line

    readonly property bool actionsEnabled: root.paymentAllowed && !root.busy

    signal payRequested(string method)
    signal reserveOfflineRequested()
    signal backRequested()

    radius: Sizes.radius
    color: Theme.surface
    border.color: Theme.divider
    implicitWidth: Sizes.dp(560)
    implicitHeight: header.height + details.implicitHeight + footer.height + 2 * Sizes.margin + 2 * Sizes.spacing

    // Presses on the panel stay on it: the map underneath must not pan or pick a point.
    MouseArea { anchors.fill: parent; acceptedButtons: Qt.AllButtons; onWheel: (wheel) => wheel.accepted = true }

    Item {
        id: header
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Sizes.margin
        height: Math.max(back.height, titleColumn.implicitHeight)

        RoundButton {
            id: back
            objectName: "payReviewBack"
            anchors.left: parent.left
            anchors.verticalCenter: parent.verticalCenter
            iconName: "close"
            accessibleName: qsTr("Back")
            onClicked: root.backRequested()
        }
        Column {
            id: titleColumn
            anchors.left: back.right
            anchors.leftMargin: Sizes.spacing
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            Text {
                objectName: "payReviewTitle"
                width: parent.width
                text: root.title
                color: Theme.text
                font.pixelSize: Sizes.fontTitle
                font.bold: true
                elide: Text.ElideRight
            }
            Text {
                objectName: "payReviewStep"
                width: parent.width
                visible: root.steps > 0
                text: qsTr("Step %1 of %2").arg(root.step).arg(root.steps)
                color: Theme.textMuted
                font.pixelSize: Sizes.fontCaption
                elide: Text.ElideRight
            }
        }
    }

    Flickable {
        id: detailsView
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: header.bottom
        anchors.bottom: footer.top
        anchors.leftMargin: Sizes.margin
        anchors.rightMargin: Sizes.margin
        anchors.topMargin: Sizes.spacing
        anchors.bottomMargin: Sizes.spacing
        clip: true
        contentWidth: width
        contentHeight: details.height
        boundsBehavior: Flickable.StopAtBounds
        interactive: contentHeight > height

        Column {
            id: details
            width: detailsView.width
            spacing: Sizes.spacing / 2

            Text {
                objectName: "reviewPoi"
                width: parent.width
                visible: root.poiName.length > 0
                text: root.poiName
                color: Theme.text
                font.pixelSize: Sizes.fontBody
                font.bold: true
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
            }
            Repeater {
                model: root.lines
                delegate: Text {
                    required property int index
                    required property string modelData
                    objectName: "reviewLine" + index
                    width: details.width
                    text: modelData
                    color: Theme.text
                    font.pixelSize: Sizes.fontBody
                    wrapMode: Text.Wrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
            }
        }
    }

    Column {
        id: footer
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Sizes.margin
        spacing: Sizes.spacing / 2

        Text {
            objectName: "reviewTotal"
            width: parent.width
            visible: text.length > 0
            text: root.totalText
            color: Theme.text
            font.pixelSize: Sizes.fontDisplay
            font.bold: true
            elide: Text.ElideRight
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("Total %1").arg(text)
        }
        Text {
            objectName: "reviewMessage"
            width: parent.width
            visible: root.message.length > 0
            text: root.message
            color: Theme.warning
            font.pixelSize: Sizes.fontBody
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }
        Text {
            objectName: "offlineNote"
            width: parent.width
            visible: !root.online
            text: root.offlineReservable ? qsTr("No connection: the reservation is sent when the car is back online.")
                                         : qsTr("Paying at the pump needs a connection.")
            color: Theme.textMuted
            font.pixelSize: Sizes.fontCaption
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }
        Text {
            objectName: "parkedOnly"
            width: parent.width
            visible: !root.paymentAllowed
            text: qsTr("Available when parked")
            color: Theme.warning
            font.pixelSize: Sizes.fontCaption
            font.bold: true
            elide: Text.ElideRight
        }
        Text {
            objectName: "reviewBusy"
            width: parent.width
            visible: root.busy
            text: qsTr("Sending…")
            color: Theme.textMuted
            font.pixelSize: Sizes.fontCaption
            elide: Text.ElideRight
        }
        Item { width: 1; height: Sizes.spacing / 2 }

        // Two ways to pay: side by side where both labels fit, else one above the other.
        Grid {
            id: payButtons
            readonly property bool sideBySide: 2 * Math.max(payQr.implicitWidth, payWallet.implicitWidth) + columnSpacing <= width
            readonly property real buttonWidth: sideBySide ? (width - columnSpacing) / 2 : width
            visible: root.online
            width: parent.width
            columns: sideBySide ? 2 : 1
            columnSpacing: Sizes.spacing
            rowSpacing: Sizes.spacing

            TextButton {
                id: payQr
                objectName: "payQr"
                width: payButtons.buttonWidth
                accent: true
                enabled: root.actionsEnabled
                text: qsTr("Pay with phone (QR)")
                onClicked: root.payRequested("qr")
            }
            TextButton {
                id: payWallet
                objectName: "payWallet"
                width: payButtons.buttonWidth
                enabled: root.actionsEnabled
                text: qsTr("Pay with in-car wallet")
                onClicked: root.payRequested("wallet")
            }
        }
        TextButton {
            objectName: "reserveOffline"
            visible: !root.online && root.offlineReservable
            width: parent.width
            accent: true
            enabled: root.actionsEnabled
            text: qsTr("Reserve now, pay when online")
            onClicked: root.reserveOfflineRequested()
        }
    }
}
