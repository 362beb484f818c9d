import QtQuick
import HeadUnit

// The built-in trip computer: big figures from host.vehicle (VehicleReadout, read-only).
Item {
    id: root

    property QtObject host
    readonly property QtObject vehicle: root.host ? root.host.vehicle : null

    function read(name, fallback) {
        return root.vehicle ? root.vehicle[name] : fallback;
    }

    readonly property string drivingState: root.read("drivingState", "")
    readonly property real energyPercent: root.read("energyPercent", NaN)
    readonly property bool electric: root.read("electric", false)

    Rectangle {
        anchors.fill: parent
        color: Theme.background
    }

    Text {
        id: heading
        anchors.left: parent.left
        anchors.right: stateChip.left
        anchors.top: parent.top
        anchors.margins: Sizes.margin
        text: qsTr("Trip computer")
        color: Theme.text
        font.pixelSize: Sizes.fontTitle
        font.bold: true
        elide: Text.ElideRight
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    Rectangle {
        id: stateChip
        objectName: "drivingState"
        anchors.right: parent.right
        anchors.rightMargin: Sizes.margin
        anchors.verticalCenter: heading.verticalCenter
        visible: root.drivingState.length > 0
        width: stateText.implicitWidth + 2 * Sizes.spacing
        height: stateText.implicitHeight + Sizes.spacing
        radius: height / 2
        color: root.drivingState === "parked" ? Theme.accentSoft : Theme.surfaceRaised
        border.color: Theme.divider
        Text {
            id: stateText
            anchors.centerIn: parent
            text: root.drivingState === "parked" ? qsTr("Parked")
                  : root.drivingState === "stopped" ? qsTr("Stopped") : qsTr("Driving")
            color: Theme.text
            font.pixelSize: Sizes.fontCaption
            font.bold: true
        }
    }

    Grid {
        id: grid
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: heading.bottom
        anchors.bottom: parent.bottom
        anchors.margins: Sizes.margin
        columns: 3
        rows: 2
        spacing: Sizes.spacing
        readonly property real cellWidth: (width - (columns - 1) * spacing) / columns
        readonly property real cellHeight: (height - (rows - 1) * spacing) / rows

        Figure {
            objectName: "speed"
            caption: qsTr("Speed")
            value: root.read("speedText", "–")
        }
        Figure {
            objectName: "gear"
            caption: qsTr("Gear")
            value: root.read("gearText", "").length > 0 ? root.read("gearText", "") : "–"
        }
        Figure {
            objectName: "range"
            caption: qsTr("Range")
            value: root.read("rangeText", "–")
        }
        Figure {
            objectName: "energy"
            caption: root.electric ? qsTr("Battery") : qsTr("Fuel")
            value: root.read("energyText", "–")
            level: root.energyPercent
        }
        Figure {
            objectName: "outside"
            caption: qsTr("Outside")
            value: root.read("outsideTemperatureText", "–")
        }
        Figure {
            objectName: "odometer"
            caption: qsTr("Odometer")
            value: root.read("odometerText", "–")
        }
    }

    // one figure: a caption above a big value, an optional level bar below
    component Figure: Rectangle {
        id: figure
        property string caption
        property string value
        property real level: NaN
        width: grid.cellWidth
        height: grid.cellHeight
        radius: Sizes.radius
        color: Theme.surface
        border.color: Theme.divider
        Accessible.role: Accessible.StaticText
        Accessible.name: figure.caption + " " + figure.value

        Column {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            anchors.margins: Sizes.margin
            spacing: Sizes.spacing / 2
            Text {
                width: parent.width
                text: figure.caption
                color: Theme.textMuted
                font.pixelSize: Sizes.fontCaption
                elide: Text.ElideRight
            }
            Text {
                objectName: figure.objectName + "Value"
                width: parent.width
                text: figure.value
                color: Theme.text
                font.pixelSize: Math.min(Sizes.fontDisplay * 1.4, figure.height * 0.4)
                font.bold: true
                font.features: { "tnum": 1 }
                fontSizeMode: Text.HorizontalFit
                minimumPixelSize: Sizes.fontBody
                elide: Text.ElideRight
            }
            Rectangle {
                width: parent.width
                height: Math.max(4, Sizes.dp(8))
                radius: height / 2
                visible: !isNaN(figure.level)
                color: Theme.surfaceRaised
                border.color: Theme.divider
                Rectangle {
                    width: isNaN(figure.level) ? 0 : parent.width * Math.max(0, Math.min(100, figure.level)) / 100
                    height: parent.height
                    radius: parent.radius
                    color: Theme.accent
                }
            }
        }
    }
}
