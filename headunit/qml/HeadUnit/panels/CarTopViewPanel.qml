import QtQuick
import HeadUnit

// The car seen from above (front at the top): open doors, trunk, hood, windows and
// sunroof, and the four tyre pressures at the corners, low ones highlighted.
Rectangle {
    id: root

    property var doors: ({})      // frontLeft, frontRight, rearLeft, rearRight -> bool
    property var windows: ({})    // same keys -> percent open (NaN unknown)
    property bool trunkOpen: false
    property bool hoodOpen: false
    property real sunroofPercent: NaN
    property var tyres: ({})      // same keys -> kPa (NaN unknown)
    property int lowTyreKpa: 190

    color: Theme.surface
    radius: Sizes.radius
    border.color: Theme.divider
    border.width: 1

    readonly property real bodyHeight: height - 2 * Sizes.margin
    readonly property real bodyWidth: Math.min(width * 0.36, bodyHeight * 0.48)

    Item {
        id: car
        anchors.centerIn: parent
        width: root.bodyWidth
        height: root.bodyHeight

        Rectangle {
            id: body
            anchors.fill: parent
            radius: width * 0.3
            color: Theme.surfaceRaised
            border.color: Theme.textMuted
            border.width: Math.max(2, Sizes.dp(3))
        }
        Rectangle {
            objectName: "hood"
            x: parent.width * 0.12; y: parent.height * 0.03
            width: parent.width * 0.76; height: parent.height * 0.2
            radius: Sizes.dp(10)
            color: root.hoodOpen ? Theme.critical : "transparent"
            border.color: root.hoodOpen ? Theme.critical : Theme.divider
            border.width: 1
        }
        Rectangle {
            objectName: "sunroof"
            x: parent.width * 0.25; y: parent.height * 0.42
            width: parent.width * 0.5; height: parent.height * 0.16
            radius: Sizes.dp(6)
            color: !isNaN(root.sunroofPercent) && root.sunroofPercent > 0 ? Theme.warning : Theme.accentSoft
        }
        Rectangle {
            objectName: "trunk"
            x: parent.width * 0.12; y: parent.height * 0.8
            width: parent.width * 0.76; height: parent.height * 0.17
            radius: Sizes.dp(10)
            color: root.trunkOpen ? Theme.critical : "transparent"
            border.color: root.trunkOpen ? Theme.critical : Theme.divider
            border.width: 1
        }

        Repeater {
            model: [
                { key: "frontLeft", left: true, top: 0.3 }, { key: "frontRight", left: false, top: 0.3 },
                { key: "rearLeft", left: true, top: 0.55 }, { key: "rearRight", left: false, top: 0.55 }
            ]
            delegate: Rectangle {
                required property var modelData
                readonly property bool open: root.doors[modelData.key] === true
                readonly property real windowOpen: root.windows[modelData.key] ?? NaN

                objectName: "door_" + modelData.key
                width: Math.max(6, Sizes.dp(10))
                height: car.height * 0.22
                y: car.height * modelData.top
                x: modelData.left ? (open ? -width * 2.2 : -width / 2) : (open ? car.width + width * 1.2 : car.width - width / 2)
                rotation: open ? (modelData.left ? -25 : 25) : 0
                transformOrigin: Item.Top
                radius: width / 2
                color: open ? Theme.critical : Theme.textMuted

                Rectangle {
                    visible: !isNaN(parent.windowOpen) && parent.windowOpen > 0
                    anchors.horizontalCenter: parent.horizontalCenter
                    width: parent.width * 0.5
                    height: parent.height * Math.min(1, parent.windowOpen / 100)
                    color: Theme.warning
                }
            }
        }
    }

    Repeater {
        model: [
            { key: "frontLeft", name: qsTr("front left"), left: true, top: true },
            { key: "frontRight", name: qsTr("front right"), left: false, top: true },
            { key: "rearLeft", name: qsTr("rear left"), left: true, top: false },
            { key: "rearRight", name: qsTr("rear right"), left: false, top: false }
        ]
        delegate: Column {
            required property var modelData
            readonly property real kpa: root.tyres[modelData.key] ?? NaN
            readonly property bool low: !isNaN(kpa) && kpa < root.lowTyreKpa

            objectName: "tyre_" + modelData.key
            anchors.left: modelData.left ? parent.left : undefined
            anchors.right: modelData.left ? undefined : parent.right
            anchors.top: modelData.top ? parent.top : undefined
            anchors.bottom: modelData.top ? undefined : parent.bottom
            anchors.margins: Sizes.margin
            anchors.topMargin: Sizes.margin + car.height * 0.08
            anchors.bottomMargin: Sizes.margin + car.height * 0.08
            spacing: Sizes.dp(2)

            Text {
                anchors.left: modelData.left ? parent.left : undefined
                anchors.right: modelData.left ? undefined : parent.right
                text: isNaN(kpa) ? "–" : Math.round(kpa)
                color: low ? Theme.critical : Theme.text
                font.pixelSize: Sizes.fontTitle
                font.bold: true
            }
            Text {
                anchors.left: modelData.left ? parent.left : undefined
                anchors.right: modelData.left ? undefined : parent.right
                text: low ? qsTr("kPa · low") : qsTr("kPa")
                color: low ? Theme.critical : Theme.textMuted
                font.pixelSize: Sizes.fontCaption
            }
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("Tyre %1: %2 kPa").arg(modelData.name).arg(isNaN(kpa) ? "–" : Math.round(kpa))
        }
    }
}
