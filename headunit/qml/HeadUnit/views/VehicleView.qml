import QtQuick
import HeadUnit

// The vehicle status area: an overview (energy, the car from above, tyres,
// warnings) and a climate page (set-points, fan, seat heating, pre-heat).
// `vehicle` is a VehicleStore and `restrictions` a RestrictionsStore; typed as
// QtObject because their types register after the first frame (Main.qml).
Item {
    id: root

    required property QtObject vehicle
    required property QtObject restrictions

    property int page: 0   // 0 overview, 1 climate

    readonly property bool hasData: root.vehicle.dataState !== "none"

    EmptyState {
        anchors.fill: parent
        visible: !root.hasData
        iconName: "vehicle"
        title: qsTr("No vehicle data")
        message: qsTr("Range, doors, windows, tyres and climate appear here once the vehicle is connected.")
    }

    Row {
        id: tabs
        visible: root.hasData
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.margins: Sizes.margin
        spacing: Sizes.spacing

        TextButton {
            objectName: "tabOverview"
            text: qsTr("Overview")
            accent: root.page === 0
            onClicked: root.page = 0
        }
        TextButton {
            objectName: "tabClimate"
            text: qsTr("Climate")
            accent: root.page === 1
            onClicked: root.page = 1
        }
    }

    Text {
        objectName: "dataFreshness"
        visible: root.hasData
        anchors.right: parent.right
        anchors.rightMargin: Sizes.margin
        anchors.verticalCenter: tabs.verticalCenter
        text: root.vehicle.dataState === "live" ? qsTr("Live")
              : root.vehicle.dataState === "lastKnown" ? qsTr("As of %1").arg(root.vehicle.asOfText)
              : qsTr("Not current: connection to the vehicle lost")
        color: root.vehicle.dataState === "live" ? Theme.good : Theme.warning
        font.pixelSize: Sizes.fontBody
        font.bold: root.vehicle.dataState !== "live"
    }

    Item {
        id: content
        visible: root.hasData
        anchors.top: tabs.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Sizes.margin

        readonly property bool threeColumns: width > Sizes.dp(1300)
        readonly property real columnWidth: (width - (threeColumns ? 2 : 1) * Sizes.margin) / (threeColumns ? 3 : 2)

        Row {
            objectName: "overviewPage"
            visible: root.page === 0
            anchors.fill: parent
            spacing: Sizes.margin

            Column {
                width: content.columnWidth
                height: parent.height
                spacing: Sizes.margin

                EnergyPanel {
                    objectName: "energyPanel"
                    width: parent.width
                    height: content.threeColumns ? parent.height : parent.height * 0.62
                    isElectric: root.vehicle.isElectric
                    rangeKm: root.vehicle.rangeKm
                    levelPercent: root.vehicle.isElectric ? root.vehicle.socPercent : root.vehicle.fuelPercent
                    charging: root.vehicle.charging
                    chargeMinutesLeft: root.vehicle.chargeMinutesLeft
                    outsideTemperature: root.vehicle.outsideTemperature
                    cabinTemperature: root.vehicle.cabinTemperature
                    odometerKm: root.vehicle.odometerKm
                    serviceDueKm: root.vehicle.serviceDueKm
                    lowLevelPercent: root.vehicle.lowFuelPercent
                }
                WarningsPanel {
                    objectName: "warningsPanelCompact"
                    visible: !content.threeColumns
                    width: parent.width
                    height: parent.height * 0.38 - Sizes.margin
                    warnings: root.vehicle.warnings
                    maximumItems: root.restrictions.maxListItems
                }
            }

            CarTopViewPanel {
                objectName: "carTopView"
                width: content.columnWidth
                height: parent.height
                doors: root.vehicle.doors
                windows: root.vehicle.windows
                trunkOpen: root.vehicle.trunkOpen
                hoodOpen: root.vehicle.hoodOpen
                sunroofPercent: root.vehicle.sunroofPercent
                tyres: root.vehicle.tyres
                lowTyreKpa: root.vehicle.lowTyreKpa
            }

            WarningsPanel {
                objectName: "warningsPanel"
                visible: content.threeColumns
                width: content.columnWidth
                height: parent.height
                warnings: root.vehicle.warnings
                maximumItems: root.restrictions.maxListItems
            }
        }

        Row {
            objectName: "climatePage"
            visible: root.page === 1
            anchors.fill: parent
            spacing: Sizes.margin

            ClimatePanel {
                objectName: "climatePanel"
                width: content.width * 0.55
                height: parent.height
                driverSetpoint: root.vehicle.driverSetpoint
                passengerSetpoint: root.vehicle.passengerSetpoint
                fanPercent: root.vehicle.fanPercent
                seatHeatDriver: root.vehicle.seatHeatDriver
                seatHeatPassenger: root.vehicle.seatHeatPassenger
                onDriverSetpointRequested: (celsius) => root.vehicle.setDriverSetpoint(celsius)
                onPassengerSetpointRequested: (celsius) => root.vehicle.setPassengerSetpoint(celsius)
                onFanRequested: (percent) => root.vehicle.setFanPercent(percent)
                onSeatHeatRequested: (side, percent) => root.vehicle.setSeatHeat(side, percent)
            }
            PreheatPanel {
                objectName: "preheatPanel"
                width: content.width * 0.45 - Sizes.margin
                height: parent.height
                active: root.vehicle.preconditioning
                dueText: root.vehicle.preheatDueText
                onNowRequested: root.vehicle.preheatNow()
                onScheduleRequested: (hour, minute) => root.vehicle.schedulePreheat(hour, minute)
                onCancelRequested: root.vehicle.cancelPreheat()
            }
        }
    }
}
