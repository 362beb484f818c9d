import QtQuick
import HeadUnit

// Driver and passenger set-points, fan and seat heating. Plain values in, requests out.
Rectangle {
    id: root

    property real driverSetpoint: NaN
    property real passengerSetpoint: NaN
    property real fanPercent: NaN
    property real seatHeatDriver: NaN
    property real seatHeatPassenger: NaN
    property real minimumSetpoint: 16
    property real maximumSetpoint: 28

    signal driverSetpointRequested(real celsius)
    signal passengerSetpointRequested(real celsius)
    signal fanRequested(int percent)
    signal seatHeatRequested(string side, int percent)

    function setpointText(value) { return isNaN(value) ? "–" : value.toFixed(1) + " °C"; }
    // Seat heating cycles off -> 1 -> 2 -> 3 -> off (33, 66, 100 percent).
    function seatLevel(value) { return isNaN(value) || value <= 0 ? 0 : Math.min(3, Math.round(value / 33.3)); }
    function nextSeatLevel(value) { return [33, 66, 100, 0][root.seatLevel(value)]; }
    function seatText(value) { return root.seatLevel(value) === 0 ? qsTr("Off") : qsTr("Level %1").arg(root.seatLevel(value)); }

    color: Theme.surface
    radius: Sizes.radius
    border.color: Theme.divider
    border.width: 1

    Grid {
        id: grid
        readonly property real cellWidth: Math.min(Sizes.touchTarget * 2 + Sizes.dp(150),
                                                   (root.width - 2 * Sizes.margin - columnSpacing) / 2)
        anchors.centerIn: parent
        columns: 2
        columnSpacing: Sizes.margin
        rowSpacing: Sizes.margin

        Stepper {
            objectName: "driverSetpoint"
            width: grid.cellWidth
            label: qsTr("Driver")
            valueText: root.setpointText(root.driverSetpoint)
            minusEnabled: !isNaN(root.driverSetpoint) && root.driverSetpoint > root.minimumSetpoint
            plusEnabled: !isNaN(root.driverSetpoint) && root.driverSetpoint < root.maximumSetpoint
            onDecreased: root.driverSetpointRequested(root.driverSetpoint - 0.5)
            onIncreased: root.driverSetpointRequested(root.driverSetpoint + 0.5)
        }
        Stepper {
            objectName: "passengerSetpoint"
            width: grid.cellWidth
            label: qsTr("Passenger")
            valueText: root.setpointText(root.passengerSetpoint)
            minusEnabled: !isNaN(root.passengerSetpoint) && root.passengerSetpoint > root.minimumSetpoint
            plusEnabled: !isNaN(root.passengerSetpoint) && root.passengerSetpoint < root.maximumSetpoint
            onDecreased: root.passengerSetpointRequested(root.passengerSetpoint - 0.5)
            onIncreased: root.passengerSetpointRequested(root.passengerSetpoint + 0.5)
        }
        Stepper {
            objectName: "fan"
            width: grid.cellWidth
            label: qsTr("Fan")
            valueText: isNaN(root.fanPercent) ? "–" : Math.round(root.fanPercent / 20)
            minusEnabled: !isNaN(root.fanPercent) && root.fanPercent > 0
            plusEnabled: isNaN(root.fanPercent) || root.fanPercent < 100
            onDecreased: root.fanRequested(Math.max(0, Math.round(root.fanPercent / 20) * 20 - 20))
            onIncreased: root.fanRequested(Math.min(100, (isNaN(root.fanPercent) ? 0 : Math.round(root.fanPercent / 20) * 20) + 20))
        }
        Column {
            width: grid.cellWidth
            spacing: Sizes.spacing
            TextButton {
                objectName: "seatHeatDriver"
                width: parent.width
                text: qsTr("Seat L: %1").arg(root.seatText(root.seatHeatDriver))
                accent: !isNaN(root.seatHeatDriver) && root.seatHeatDriver > 0
                onClicked: root.seatHeatRequested("driver", root.nextSeatLevel(root.seatHeatDriver))
            }
            TextButton {
                objectName: "seatHeatPassenger"
                width: parent.width
                text: qsTr("Seat R: %1").arg(root.seatText(root.seatHeatPassenger))
                accent: !isNaN(root.seatHeatPassenger) && root.seatHeatPassenger > 0
                onClicked: root.seatHeatRequested("passenger", root.nextSeatLevel(root.seatHeatPassenger))
            }
        }
    }
}
