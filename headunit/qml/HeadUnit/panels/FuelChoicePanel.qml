pragma ComponentBehavior: Bound
import QtQuick
import HeadUnit

// Pay at the pump, screen 2: pick a free pump, then an amount in litres or "fill up".
// `pumps` is a model with the roles number, fuels ("95E10 · Diesel") and free.
Rectangle {
    id: root

    property string poiName
    property var pumps: null
    property int selectedPump: 0     // 0 = none chosen
    property int litres: 0
    property int minLitres: 5
    property int maxLitres: 0
    property bool fillUp: false
    property string fillUpText       // "Fill up (about 38 L)"
    property string totalText
    property bool canContinue: false
    property int maxItems: -1        // from the driving restrictions; -1 = no limit
    property int step: 0
    property int steps: 0
    property string message

    readonly property int litresStep: 5

    signal pumpSelected(int number)
    signal litresRequested(int litres)
    signal fillUpRequested(bool on)
    signal continueRequested()
    signal backRequested()

    // A tappable tile of the pump grid: raised, accent-bordered when chosen, dimmed when disabled.
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
    implicitHeight: header.height + pumpsFlow.implicitHeight + footer.height + 2 * Sizes.margin + 2 * Sizes.spacing

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
            objectName: "fuelChoiceBack"
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
                objectName: "fuelChoiceTitle"
                width: parent.width
                text: root.poiName
                color: Theme.text
                font.pixelSize: Sizes.fontTitle
                font.bold: true
                elide: Text.ElideRight
            }
            Text {
                objectName: "fuelChoiceStep"
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
        objectName: "pumpList"
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
                id: pumpsFlow
                // as many columns of at least the minimum tile width as fit (no more than there are tiles),
                // sharing the row evenly
                readonly property int shown: root.maxItems < 0 ? tiles.count : Math.min(tiles.count, root.maxItems)
                readonly property int columns: Math.max(1, Math.min(shown, Math.floor((width + spacing) / (Sizes.dp(120) + spacing))))
                readonly property int tileWidth: Math.floor((width - (columns - 1) * spacing) / columns)
                width: parent.width
                spacing: Sizes.spacing / 2

                Repeater {
                    id: tiles
                    model: root.pumps
                    delegate: ChoiceTile {
                        id: pump
                        required property int index
                        required property int number
                        required property string fuels
                        required property bool free

                        objectName: "pump_" + number
                        visible: root.maxItems < 0 || index < root.maxItems
                        width: pumpsFlow.tileWidth
                        height: Math.round(Sizes.touchTarget * 1.5)
                        enabled: free
                        selected: number === root.selectedPump
                        Accessible.name: qsTr("Pump %1").arg(number) + " " + status.text
                        onTapped: root.pumpSelected(number)

                        Column {
                            anchors.top: parent.top
                            anchors.topMargin: Sizes.spacing / 2
                            anchors.horizontalCenter: parent.horizontalCenter
                            width: parent.width - Sizes.spacing
                            Text {
                                width: parent.width
                                horizontalAlignment: Text.AlignHCenter
                                text: pump.number
                                color: pump.selected ? Theme.accent : Theme.text
                                font.pixelSize: Sizes.fontDisplay
                                font.bold: true
                            }
                            Text {
                                id: status
                                objectName: "pumpStatus_" + pump.number
                                width: parent.width
                                horizontalAlignment: Text.AlignHCenter
                                text: pump.free ? pump.fuels : qsTr("Busy")
                                color: pump.free ? Theme.textMuted : Theme.warning
                                font.pixelSize: Sizes.fontCaption
                                font.bold: !pump.free
                                wrapMode: Text.Wrap
                                maximumLineCount: 2
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

        // An amount, or fill up: side by side where both fit, else one above the other.
        Grid {
            id: amount
            // the chip's width with its whole label (its implicitWidth drops the label when it does not fit)
            readonly property real chipWidth: Sizes.iconSmall + Sizes.spacing / 2 + chipLabel.advanceWidth + 2 * Sizes.spacing
            readonly property bool sideBySide: litresStepper.implicitWidth + chipWidth + columnSpacing <= width
            width: parent.width
            columns: sideBySide ? 2 : 1
            columnSpacing: Sizes.spacing
            rowSpacing: Sizes.spacing / 2
            horizontalItemAlignment: Grid.AlignHCenter
            verticalItemAlignment: Grid.AlignBottom

            TextMetrics { id: chipLabel; font.pixelSize: Sizes.fontBody; font.bold: true; text: fillUpChip.text }

            Stepper {
                id: litresStepper
                objectName: "litresStepper"
                width: amount.sideBySide ? implicitWidth : Math.min(amount.width, Sizes.touchTarget * 2 + Sizes.dp(260))
                // while "fill up" is chosen the amount is only a hint; a press on it picks an amount
                opacity: root.fillUp ? 0.5 : 1
                label: qsTr("Amount")
                valueText: qsTr("%1 L").arg(root.litres)
                minusEnabled: root.litres > root.minLitres
                plusEnabled: root.litres < root.maxLitres
                onDecreased: root.litresRequested(Math.max(root.minLitres, root.litres - root.litresStep))
                onIncreased: root.litresRequested(Math.min(root.maxLitres, root.litres + root.litresStep))
            }
            ChipButton {
                id: fillUpChip
                objectName: "fillUpChip"
                width: amount.sideBySide ? amount.width - litresStepper.width - amount.columnSpacing : amount.width
                iconName: "fuel"
                text: root.fillUpText.length > 0 ? root.fillUpText : qsTr("Fill up")
                checked: root.fillUp
                onClicked: root.fillUpRequested(!root.fillUp)
            }
        }
        Text {
            objectName: "fuelTotal"
            width: parent.width
            visible: text.length > 0
            horizontalAlignment: Text.AlignHCenter
            text: root.totalText
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
