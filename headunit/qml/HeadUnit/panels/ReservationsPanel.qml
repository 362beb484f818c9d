pragma ComponentBehavior: Bound
import QtQuick
import HeadUnit

// "My reservations": upcoming and past reservations with their status and receipt,
// from the offline cache (asOfText says how old it is when offline). Rows come from a
// list model, upcoming ones first; while driving at most maxItems rows show.
//
// Roles: localId, kind (parking | fuel | charging), title, whenText, statusText,
// statusKind (good | pending | bad | muted), totalText, receiptText, upcoming,
// canCancel, canRefund, canNavigate, canPay (a held reservation not paid yet).
Rectangle {
    id: root

    property var model: null
    property bool online: true
    property string asOfText           // "Offline · as of 10:42"
    property int maxItems: -1          // -1: all

    signal cancelRequested(string localId)
    signal refundRequested(string localId)
    signal navigateRequested(string localId)
    signal payRequested(string localId)
    signal closed()

    readonly property int shownCount: root.maxItems < 0 ? list.count : Math.min(list.count, root.maxItems)

    function statusColor(statusKind) {
        switch (statusKind) {
        case "good": return Theme.good;
        case "pending": return Theme.warning;
        case "bad": return Theme.critical;
        default: return Theme.textMuted;
        }
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
        height: Math.max(close.height, titles.implicitHeight)

        Column {
            id: titles
            anchors.left: parent.left
            anchors.right: close.left
            anchors.rightMargin: Sizes.spacing
            anchors.verticalCenter: parent.verticalCenter
            Text {
                width: parent.width
                text: qsTr("My reservations")
                color: Theme.text
                font.pixelSize: Sizes.fontTitle
                font.bold: true
                elide: Text.ElideRight
            }
            Text {
                objectName: "reservationsAsOf"
                width: parent.width
                visible: root.asOfText.length > 0
                text: root.asOfText
                color: root.online ? Theme.textMuted : Theme.warning
                font.pixelSize: Sizes.fontCaption
                elide: Text.ElideRight
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
        }
        RoundButton {
            id: close
            objectName: "reservationsClose"
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            iconName: "close"
            accessibleName: qsTr("Close")
            onClicked: root.closed()
        }
    }

    ListView {
        id: list
        objectName: "reservationsList"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: header.bottom
        anchors.bottom: parent.bottom
        anchors.leftMargin: Sizes.margin
        anchors.rightMargin: Sizes.margin
        anchors.topMargin: Sizes.spacing / 2
        anchors.bottomMargin: Sizes.spacing / 2
        clip: true
        model: root.model
        boundsBehavior: Flickable.StopAtBounds
        // Rows carry their own "Upcoming" / "Past" heading (first row of each), so rows
        // cut by maxItems take their heading with them.
        section.property: "upcoming"
        section.criteria: ViewSection.FullString

        footer: Text {
            objectName: "reservationsMore"
            width: list.width
            height: visible ? implicitHeight + Sizes.spacing : 0
            visible: root.shownCount < list.count
            text: qsTr("%n more when parked", "", list.count - root.shownCount)
            color: Theme.textMuted
            font.pixelSize: Sizes.fontCaption
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            wrapMode: Text.Wrap
        }

        delegate: Item {
            id: row
            required property int index
            required property string localId
            required property string kind
            required property string title
            required property string whenText
            required property string statusText
            required property string statusKind
            required property string totalText
            required property string receiptText
            required property bool upcoming
            required property bool canCancel
            required property bool canRefund
            required property bool canNavigate
            required property bool canPay
            readonly property bool shown: root.maxItems < 0 || row.index < root.maxItems
            readonly property bool firstInSection: row.ListView.section !== row.ListView.previousSection
            readonly property bool hasButtons: row.canCancel || row.canRefund || row.canNavigate || row.canPay
            objectName: "reservation_" + row.localId
            width: list.width
            visible: shown
            height: shown ? rowColumn.height + Sizes.spacing / 2 : 0

            Column {
                id: rowColumn
                width: parent.width
                spacing: Sizes.spacing / 2

                Text {
                    objectName: "sectionHeading"
                    width: parent.width
                    visible: row.firstInSection
                    topPadding: row.index > 0 ? Sizes.spacing / 2 : 0
                    text: row.upcoming ? qsTr("Upcoming") : qsTr("Past")
                    color: Theme.textMuted
                    font.pixelSize: Sizes.fontCaption
                    font.bold: true
                    font.capitalization: Font.AllUppercase
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }

                Rectangle {
                    width: parent.width
                    height: card.height + 2 * Sizes.spacing
                    radius: Sizes.radius / 2
                    color: Theme.surfaceRaised
                    border.color: Theme.divider

                    Column {
                        id: card
                        x: Sizes.spacing
                        y: Sizes.spacing
                        width: parent.width - 2 * Sizes.spacing
                        spacing: Sizes.spacing / 2

                        Item {
                            width: parent.width
                            height: Math.max(kindIcon.height, texts.height, amounts.height)

                            Icon {
                                id: kindIcon
                                width: Sizes.icon
                                height: width
                                name: ["parking", "fuel", "charging"].indexOf(row.kind) >= 0 ? row.kind : "map"
                                color: row.upcoming ? Theme.accent : Theme.textMuted
                            }
                            Column {
                                id: texts
                                anchors.left: kindIcon.right
                                anchors.leftMargin: Sizes.spacing
                                anchors.right: amounts.left
                                anchors.rightMargin: Sizes.spacing
                                Text {
                                    width: parent.width
                                    text: row.title
                                    color: Theme.text
                                    font.pixelSize: Sizes.fontBody
                                    font.bold: true
                                    elide: Text.ElideRight
                                }
                                Text {
                                    width: parent.width
                                    text: row.whenText
                                    color: Theme.textMuted
                                    font.pixelSize: Sizes.fontCaption
                                    elide: Text.ElideRight
                                }
                                Text {
                                    objectName: "status_" + row.localId
                                    width: parent.width
                                    text: row.statusText
                                    color: root.statusColor(row.statusKind)
                                    font.pixelSize: Sizes.fontCaption
                                    font.bold: true
                                    wrapMode: Text.Wrap
                                    maximumLineCount: 2
                                    elide: Text.ElideRight
                                    Accessible.role: Accessible.StaticText
                                    Accessible.name: text
                                }
                            }
                            Column {
                                id: amounts
                                anchors.right: parent.right
                                width: Math.min(Math.max(total.implicitWidth, receipt.implicitWidth), parent.width * 0.35)
                                Text {
                                    id: total
                                    objectName: "total_" + row.localId
                                    width: parent.width
                                    horizontalAlignment: Text.AlignRight
                                    text: row.totalText
                                    color: Theme.text
                                    font.pixelSize: Sizes.fontBody
                                    font.bold: true
                                    elide: Text.ElideLeft
                                }
                                Text {
                                    id: receipt
                                    objectName: "receipt_" + row.localId
                                    width: parent.width
                                    visible: text.length > 0
                                    horizontalAlignment: Text.AlignRight
                                    text: row.receiptText
                                    color: Theme.textMuted
                                    font.pixelSize: Sizes.fontCaption
                                    elide: Text.ElideLeft
                                }
                            }
                        }

                        Flow {
                            width: parent.width
                            visible: row.hasButtons
                            layoutDirection: Qt.RightToLeft
                            spacing: Sizes.spacing / 2
                            TextButton {
                                objectName: "pay_" + row.localId
                                visible: row.canPay
                                accent: true
                                text: qsTr("Pay")
                                onClicked: root.payRequested(row.localId)
                            }
                            TextButton {
                                objectName: "navigate_" + row.localId
                                visible: row.canNavigate
                                text: qsTr("Navigate")
                                onClicked: root.navigateRequested(row.localId)
                            }
                            TextButton {
                                objectName: "refund_" + row.localId
                                visible: row.canRefund
                                text: qsTr("Refund")
                                onClicked: root.refundRequested(row.localId)
                            }
                            TextButton {
                                objectName: "cancel_" + row.localId
                                visible: row.canCancel
                                text: qsTr("Cancel")
                                onClicked: root.cancelRequested(row.localId)
                            }
                        }
                    }
                }
            }
        }
    }

    EmptyState {
        objectName: "reservationsEmpty"
        anchors.fill: list
        visible: list.count === 0
        iconName: "parking"
        title: qsTr("No reservations yet")
        message: qsTr("Parking, fuel and charging you reserve here show up in this list.")
    }
}
