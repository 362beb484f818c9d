pragma ComponentBehavior: Bound
import QtQuick
import HeadUnit

// Reserve parking, screen 2: pick a start slot and how many hours; the store
// computes the end time and the price and passes them in as ready-made strings.
// `slots` is a model with the roles slotId, label ("09:00"), free and available.
Rectangle {
    id: root

    property string poiName
    property var slots: null
    property string selectedSlotId
    property int hours: 0
    property int minHours: 1
    property int maxHours: 0
    property string hoursText        // "2 h"
    property string untilText        // "until 11:00"
    property string totalText        // "€5.00"
    property bool canContinue: false
    property int maxItems: -1        // from the driving restrictions; -1 = no limit
    property int step: 0
    property int steps: 0
    property string message          // "No free slots today"

    signal slotSelected(string slotId)
    signal hoursRequested(int hours)
    signal continueRequested()
    signal backRequested()

    // A tappable tile of the slot grid: raised, accent-bordered when chosen, dimmed when disabled.
    component ChoiceTile: Item {
        id: tile
        property bool selected: false
        signal tapped()

        opacity: enabled ? 1 : 0.5
        Accessible.role: Accessible.Button
        Accessible.onPressAction: if (tile.enabled) tile.tapped()

        Rectangle {
            anchors.fill: parent
            radius: Sizes.radius / 2
            color: tap.pressed ? Theme.surfacePressed : (tile.selected ? Theme.accentSoft : Theme.surfaceRaised)
            border.color: tile.selected ? Theme.accent : Theme.divider
            border.width: tile.selected ? 2 : 1
        }
        TapHandler {
            id: tap
            enabled: tile.enabled
            gesturePolicy: TapHandler.ReleaseWithinBounds  // exclusive: a map underneath never sees the tap
            onTapped: tile.tapped()
        }
    }

    radius: Sizes.radius
    color: Theme.surface
    border.color: Theme.divider
    implicitWidth: Sizes.dp(560)
    implicitHeight: header.height + slotsFlow.implicitHeight + footer.height + 2 * Sizes.margin + 2 * Sizes.spacing

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
            objectName: "parkingChoiceBack"
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
                objectName: "parkingChoiceTitle"
                width: parent.width
                text: root.poiName
                color: Theme.text
                font.pixelSize: Sizes.fontTitle
                font.bold: true
                elide: Text.ElideRight
            }
            Text {
                objectName: "parkingChoiceStep"
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
        id: choices
        objectName: "slotList"
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
        contentHeight: choiceColumn.height
        boundsBehavior: Flickable.StopAtBounds
        interactive: contentHeight > height

        Column {
            id: choiceColumn
            width: choices.width
            spacing: Sizes.spacing

            Text {
                objectName: "choiceMessage"
                width: parent.width
                visible: root.message.length > 0
                text: root.message
                color: Theme.warning
                font.pixelSize: Sizes.fontBody
                wrapMode: Text.Wrap
                maximumLineCount: 3
                elide: Text.ElideRight
            }
            Flow {
                id: slotsFlow
                // as many columns of at least the minimum tile width as fit, sharing the row evenly
                readonly property int columns: Math.max(1, Math.floor((width + spacing) / (Sizes.dp(120) + spacing)))
                readonly property int tileWidth: Math.floor((width - (columns - 1) * spacing) / columns)
                width: parent.width
                spacing: Sizes.spacing / 2

                Repeater {
                    model: root.slots
                    delegate: ChoiceTile {
                        id: slot
                        required property int index
                        required property string slotId
                        required property string label
                        required property int free
                        required property bool available
                        readonly property string statusText: available ? qsTr("%1 free").arg(free) : qsTr("Full")

                        objectName: "slot_" + slotId
                        visible: root.maxItems < 0 || index < root.maxItems
                        width: slotsFlow.tileWidth
                        height: Sizes.touchTarget
                        enabled: available
                        selected: slotId === root.selectedSlotId
                        Accessible.name: label + " " + statusText
                        onTapped: root.slotSelected(slotId)

                        Column {
                            anchors.centerIn: parent
                            width: parent.width - Sizes.spacing
                            Text {
                                width: parent.width
                                horizontalAlignment: Text.AlignHCenter
                                text: slot.label
                                color: Theme.text
                                font.pixelSize: Sizes.fontBody
                                font.bold: true
                                elide: Text.ElideRight
                            }
                            Text {
                                objectName: "slotStatus_" + slot.slotId
                                width: parent.width
                                horizontalAlignment: Text.AlignHCenter
                                text: slot.statusText
                                color: slot.available ? Theme.textMuted : Theme.warning
                                font.pixelSize: Sizes.fontCaption
                                elide: Text.ElideRight
                            }
                        }
                    }
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
        spacing: Sizes.spacing

        Stepper {
            objectName: "hoursStepper"
            anchors.horizontalCenter: parent.horizontalCenter
            width: Math.min(parent.width, Sizes.touchTarget * 2 + Sizes.dp(260))
            label: qsTr("Parking time")
            valueText: root.hoursText
            minusEnabled: root.hours > root.minHours
            plusEnabled: root.hours < root.maxHours
            onDecreased: root.hoursRequested(Math.max(root.minHours, root.hours - 1))
            onIncreased: root.hoursRequested(Math.min(root.maxHours, root.hours + 1))
        }
        Text {
            objectName: "parkingTotal"
            width: parent.width
            visible: text.length > 0
            horizontalAlignment: Text.AlignHCenter
            text: [root.untilText, root.totalText].filter(s => s.length > 0).join(" · ")
            color: Theme.text
            font.pixelSize: Sizes.fontTitle
            font.bold: true
            elide: Text.ElideRight
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        TextButton {
            objectName: "choiceContinue"
            width: parent.width
            accent: true
            enabled: root.canContinue
            text: qsTr("Continue")
            onClicked: root.continueRequested()
        }
    }
}
