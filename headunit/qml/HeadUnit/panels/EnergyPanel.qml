import QtQuick
import HeadUnit

// Range, fuel level or state of charge, charging, temperatures, odometer, service.
// Unknown numbers are NaN and shown as a dash.
Rectangle {
    id: root

    property bool isElectric: false
    property real rangeKm: NaN
    property real levelPercent: NaN
    property bool charging: false
    property real chargeMinutesLeft: NaN
    property real outsideTemperature: NaN
    property real cabinTemperature: NaN
    property real odometerKm: NaN
    property real serviceDueKm: NaN
    property int lowLevelPercent: 10

    function dash(value, text) { return isNaN(value) ? "–" : text; }

    readonly property bool levelLow: !isNaN(root.levelPercent) && root.levelPercent <= root.lowLevelPercent

    color: Theme.surface
    radius: Sizes.radius
    border.color: Theme.divider
    border.width: 1

    Column {
        anchors.fill: parent
        anchors.margins: Sizes.margin
        spacing: Sizes.spacing

        Text {
            text: qsTr("Range")
            color: Theme.textMuted
            font.pixelSize: Sizes.fontCaption
        }
        Text {
            objectName: "rangeText"
            text: root.dash(root.rangeKm, qsTr("%1 km").arg(Math.round(root.rangeKm)))
            color: root.levelLow ? Theme.warning : Theme.text
            font.pixelSize: Sizes.fontDisplay
            font.bold: true
        }

        Item {
            width: parent.width
            height: Sizes.dp(22)
            Rectangle {
                anchors.fill: parent
                radius: height / 2
                color: Theme.surfaceRaised
                border.color: Theme.divider
            }
            Rectangle {
                width: isNaN(root.levelPercent) ? 0 : parent.width * Math.max(0, Math.min(100, root.levelPercent)) / 100
                height: parent.height
                radius: height / 2
                color: root.levelLow ? Theme.critical : (root.charging ? Theme.good : Theme.accent)
            }
        }

        Text {
            objectName: "levelText"
            width: parent.width
            text: (root.isElectric ? qsTr("Battery %1") : qsTr("Fuel %1"))
                  .arg(root.dash(root.levelPercent, Math.round(root.levelPercent) + " %"))
                  + (root.charging ? " · " + (isNaN(root.chargeMinutesLeft) ? qsTr("charging")
                     : qsTr("charging, %1 min left").arg(Math.round(root.chargeMinutesLeft))) : "")
            color: Theme.text
            font.pixelSize: Sizes.fontBody
            wrapMode: Text.Wrap
        }

        Rectangle { width: parent.width; height: 1; color: Theme.divider }

        Text {
            objectName: "temperaturesText"
            width: parent.width
            text: qsTr("Outside %1 · Cabin %2")
                  .arg(root.dash(root.outsideTemperature, root.outsideTemperature.toFixed(0) + " °C"))
                  .arg(root.dash(root.cabinTemperature, root.cabinTemperature.toFixed(0) + " °C"))
            color: Theme.text
            font.pixelSize: Sizes.fontBody
            wrapMode: Text.Wrap
        }
        Text {
            width: parent.width
            text: qsTr("Odometer %1").arg(root.dash(root.odometerKm, Math.round(root.odometerKm).toLocaleString(Qt.locale(), "f", 0) + " km"))
            color: Theme.textMuted
            font.pixelSize: Sizes.fontCaption
            elide: Text.ElideRight
        }
        Text {
            width: parent.width
            text: isNaN(root.serviceDueKm) ? qsTr("Service: –")
                  : root.serviceDueKm <= 0 ? qsTr("Service due now")
                  : qsTr("Service in %1 km").arg(Math.round(root.serviceDueKm).toLocaleString(Qt.locale(), "f", 0))
            color: !isNaN(root.serviceDueKm) && root.serviceDueKm <= 0 ? Theme.warning : Theme.textMuted
            font.pixelSize: Sizes.fontCaption
            elide: Text.ElideRight
        }
    }
}
