import QtQuick
import HeadUnit

// Status bar: clock, driving state, speed, outside temperature, backend connectivity
// with the "pending (N)" badge, and the day/night switch. Plain properties in, signals out.
Rectangle {
    id: root

    property string clockText
    property string connectivity: "unknown"   // unknown | online | offline (the backend's health)
    property int pendingCount: 0              // actions queued for the backend, not yet answered
    property real speedKmh: NaN
    property bool speedKnown: false
    property real outsideTemperature: NaN
    property bool outsideTemperatureKnown: false
    property string drivingState: "unknown"   // unknown | parked | stopped | moving
    property bool night: false

    signal themeToggleRequested()

    // The room between the driving chip and the right-hand group, for the now-playing bar.
    readonly property alias middle: middleSlot

    implicitHeight: Sizes.statusBarHeight
    color: Theme.surface

    readonly property string drivingText: {
        switch (root.drivingState) {
        case "parked": return qsTr("Parked");
        case "stopped": return qsTr("Stopped");
        case "moving": return qsTr("Driving");
        default: return qsTr("No vehicle data");
        }
    }
    readonly property string connectivityText: {
        switch (root.connectivity) {
        case "online": return qsTr("Online");
        case "offline": return qsTr("Offline");
        default: return qsTr("Connecting…");
        }
    }

    Rectangle {
        anchors.bottom: parent.bottom
        width: parent.width
        height: 1
        color: Theme.divider
    }

    Text {
        id: clock
        objectName: "statusClock"
        anchors.left: parent.left
        anchors.leftMargin: Sizes.margin
        anchors.verticalCenter: parent.verticalCenter
        text: root.clockText
        color: Theme.text
        font.pixelSize: Sizes.fontTitle
        font.bold: true
        Accessible.role: Accessible.StaticText
        Accessible.name: qsTr("Time %1").arg(root.clockText)
    }

    Rectangle {
        id: drivingChip
        objectName: "drivingIndicator"
        anchors.left: clock.right
        anchors.leftMargin: Sizes.margin
        anchors.verticalCenter: parent.verticalCenter
        height: Math.round(root.height * 0.62)
        width: drivingLabel.implicitWidth + 2 * Sizes.spacing
        radius: height / 2
        color: root.drivingState === "moving" ? Theme.accentSoft : Theme.surfaceRaised
        border.color: root.drivingState === "moving" ? Theme.accent : Theme.divider
        border.width: 1
        Accessible.role: Accessible.StaticText
        Accessible.name: root.drivingText

        Text {
            id: drivingLabel
            anchors.centerIn: parent
            text: root.drivingText
            color: root.drivingState === "moving" ? Theme.accent : Theme.textMuted
            font.pixelSize: Sizes.fontCaption
            font.bold: true
        }
    }

    Item {
        id: middleSlot
        objectName: "statusMiddle"
        anchors.left: drivingChip.right
        anchors.right: rightGroup.left
        anchors.leftMargin: Sizes.margin
        anchors.rightMargin: Sizes.margin
        anchors.top: parent.top
        anchors.bottom: parent.bottom
    }

    Row {
        id: rightGroup
        anchors.right: themeButton.left
        anchors.rightMargin: Sizes.margin
        anchors.verticalCenter: parent.verticalCenter
        spacing: Sizes.margin

        Text {
            objectName: "statusSpeed"
            anchors.verticalCenter: parent.verticalCenter
            text: root.speedKnown ? qsTr("%1 km/h").arg(Math.round(root.speedKmh)) : qsTr("– km/h")
            color: Theme.text
            font.pixelSize: Sizes.fontBody
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("Speed")
        }

        Text {
            objectName: "statusOutsideTemperature"
            anchors.verticalCenter: parent.verticalCenter
            text: root.outsideTemperatureKnown
                  ? qsTr("%1 °C").arg(root.outsideTemperature.toFixed(0)) : qsTr("– °C")
            color: Theme.text
            font.pixelSize: Sizes.fontBody
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("Outside temperature")
        }

        Row {
            objectName: "statusConnectivity"
            anchors.verticalCenter: parent.verticalCenter
            spacing: Sizes.dp(6)
            Accessible.role: Accessible.StaticText
            Accessible.name: root.connectivityText

            Icon {
                anchors.verticalCenter: parent.verticalCenter
                name: "signal"
                width: Sizes.iconSmall
                height: Sizes.iconSmall
                color: root.connectivity === "online" ? Theme.good
                     : root.connectivity === "offline" ? Theme.critical : Theme.textMuted
            }

            Text {
                anchors.verticalCenter: parent.verticalCenter
                visible: !Sizes.wide || root.connectivity !== "online"
                text: root.connectivityText
                color: Theme.textMuted
                font.pixelSize: Sizes.fontCaption
            }

            Rectangle {
                objectName: "statusPending"
                anchors.verticalCenter: parent.verticalCenter
                visible: root.pendingCount > 0
                height: Math.round(root.height * 0.56)
                width: pendingLabel.implicitWidth + 2 * Sizes.spacing
                radius: height / 2
                color: Theme.surfaceRaised
                border.color: Theme.warning
                border.width: 1
                Accessible.role: Accessible.StaticText
                Accessible.name: pendingLabel.text

                Text {
                    id: pendingLabel
                    anchors.centerIn: parent
                    text: qsTr("Pending (%1)").arg(root.pendingCount)
                    color: Theme.text
                    font.pixelSize: Sizes.fontCaption
                    font.bold: true
                }
            }
        }
    }

    RoundButton {
        id: themeButton
        objectName: "themeToggle"
        anchors.right: parent.right
        anchors.rightMargin: Sizes.dp(8)
        anchors.verticalCenter: parent.verticalCenter
        width: Math.min(Sizes.touchTarget, root.height - Sizes.dp(8))
        height: width
        iconName: root.night ? "sun" : "moon"
        accessibleName: root.night ? qsTr("Switch to day theme") : qsTr("Switch to night theme")
        onClicked: root.themeToggleRequested()
    }
}
