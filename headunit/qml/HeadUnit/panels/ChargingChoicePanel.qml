pragma ComponentBehavior: Bound
import QtQuick
import HeadUnit

// Reserve charging, screen 2: pick a connector type, then the target charge; the store
// estimates energy, time and price and passes them in as ready-made strings.
// `connectors` is a model with the roles type ("CCS"), powerText ("150 kW"), free and count.
Rectangle {
    id: root

    property string poiName
    property var connectors: null
    property string selectedConnector
    property int currentPercent: -1  // the battery now; -1 = unknown
    property int targetPercent: 0
    property int minPercent: 0
    property int maxPercent: 100
    property string energyText       // "24 kWh"
    property string timeText         // "09:30 – 10:00"
    property string totalText
    property bool canContinue: false
    property int maxItems: -1        // from the driving restrictions; -1 = no limit
    property int step: 0
    property int steps: 0
    property string message

    readonly property int percentStep: 5

    signal connectorSelected(string type)
    signal targetRequested(int percent)
    signal continueRequested()
    signal backRequested()

    // A tappable tile of the connector grid: raised, accent-bordered when chosen, dimmed when disabled.
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
    implicitHeight: header.height + connectorsFlow.implicitHeight + footer.height + 2 * Sizes.margin + 2 * Sizes.spacing

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
            objectName: "chargingChoiceBack"
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
                objectName: "chargingChoiceTitle"
                width: parent.width
                text: root.poiName
                color: Theme.text
                font.pixelSize: Sizes.fontTitle
                font.bold: true
                elide: Text.ElideRight
            }
            Text {
                objectName: "chargingChoiceStep"
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
        objectName: "connectorList"
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
                id: connectorsFlow
                // as many columns of at least the minimum tile width as fit (no more than there are tiles),
                // sharing the row evenly
                readonly property int shown: root.maxItems < 0 ? tiles.count : Math.min(tiles.count, root.maxItems)
                readonly property int columns: Math.max(1, Math.min(shown, Math.floor((width + spacing) / (Sizes.dp(140) + spacing))))
                readonly property int tileWidth: Math.floor((width - (columns - 1) * spacing) / columns)
                width: parent.width
                spacing: Sizes.spacing / 2

                Repeater {
                    id: tiles
                    model: root.connectors
                    delegate: ChoiceTile {
                        id: connector
                        required property int index
                        required property string type
                        required property string powerText
                        required property int free
                        required property int count

                        objectName: "connector_" + type
                        visible: root.maxItems < 0 || index < root.maxItems
                        width: connectorsFlow.tileWidth
                        height: Math.round(Sizes.touchTarget * 1.5)
                        enabled: free > 0
                        selected: type === root.selectedConnector
                        Accessible.name: [type, powerText, status.text].join(" ")
                        onTapped: root.connectorSelected(type)

                        Column {
                            anchors.top: parent.top
                            anchors.topMargin: Sizes.spacing / 2
                            anchors.horizontalCenter: parent.horizontalCenter
                            width: parent.width - Sizes.spacing
                            Text {
                                width: parent.width
                                horizontalAlignment: Text.AlignHCenter
                                text: connector.type
                                color: connector.selected ? Theme.accent : Theme.text
                                font.pixelSize: Sizes.fontTitle
                                font.bold: true
                                // a long name ("CHAdeMO") on a narrow tile: smaller rather than cut
                                fontSizeMode: Text.HorizontalFit
                                minimumPixelSize: Sizes.fontBody
                                elide: Text.ElideRight
                            }
                            Text {
                                width: parent.width
                                visible: connector.powerText.length > 0
                                horizontalAlignment: Text.AlignHCenter
                                text: connector.powerText
                                color: Theme.text
                                font.pixelSize: Sizes.fontBody
                                elide: Text.ElideRight
                            }
                            Text {
                                id: status
                                objectName: "connectorStatus_" + connector.type
                                width: parent.width
                                horizontalAlignment: Text.AlignHCenter
                                text: connector.free > 0 ? qsTr("%1 of %2 free").arg(connector.free).arg(connector.count)
                                                         : qsTr("Busy")
                                color: connector.free > 0 ? Theme.textMuted : Theme.warning
                                font.pixelSize: Sizes.fontCaption
                                font.bold: connector.free <= 0
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
            objectName: "targetStepper"
            anchors.horizontalCenter: parent.horizontalCenter
            width: Math.min(parent.width, Sizes.touchTarget * 2 + Sizes.dp(260))
            label: root.currentPercent >= 0 ? qsTr("Now %1 % → target").arg(root.currentPercent) : qsTr("Charge to")
            valueText: qsTr("%1 %").arg(root.targetPercent)
            minusEnabled: root.targetPercent > root.minPercent
            plusEnabled: root.targetPercent < root.maxPercent
            onDecreased: root.targetRequested(Math.max(root.minPercent, root.targetPercent - root.percentStep))
            onIncreased: root.targetRequested(Math.min(root.maxPercent, root.targetPercent + root.percentStep))
        }
        Text {
            objectName: "chargingEstimate"
            width: parent.width
            visible: text.length > 0
            horizontalAlignment: Text.AlignHCenter
            text: [root.energyText, root.timeText].filter(s => s.length > 0).join(" · ")
            color: Theme.textMuted
            font.pixelSize: Sizes.fontBody
            elide: Text.ElideRight
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        Text {
            objectName: "chargingTotal"
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
