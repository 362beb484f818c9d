import QtQuick
import HeadUnit

// Pre-heat the cabin now or at a time of day; shows what is scheduled.
Rectangle {
    id: root

    property bool active: false
    property string dueText          // "07:30" when scheduled, "" when not
    property int hour: 7
    property int minute: 0

    signal nowRequested()
    signal scheduleRequested(int hour, int minute)
    signal cancelRequested()

    function two(n) { return (n < 10 ? "0" : "") + n; }

    color: Theme.surface
    radius: Sizes.radius
    border.color: Theme.divider
    border.width: 1

    Column {
        anchors.centerIn: parent
        width: parent.width - 2 * Sizes.margin
        spacing: Sizes.margin

        Text {
            objectName: "preheatStatus"
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: root.active ? qsTr("Pre-heating the cabin")
                  : root.dueText.length > 0 ? qsTr("Pre-heat scheduled for %1").arg(root.dueText)
                  : qsTr("Pre-heat")
            color: root.active ? Theme.good : Theme.text
            font.pixelSize: Sizes.fontTitle
            font.bold: true
            wrapMode: Text.Wrap
        }

        TextButton {
            objectName: "preheatNow"
            anchors.horizontalCenter: parent.horizontalCenter
            visible: !root.active
            accent: true
            text: qsTr("Pre-heat now")
            onClicked: root.nowRequested()
        }

        Row {
            id: timeRow
            readonly property real stepperWidth: Math.min(Sizes.touchTarget * 2 + Sizes.dp(70),
                                                          (parent.width - spacing) / 2)
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: Sizes.spacing
            visible: root.dueText.length === 0

            Stepper {
                objectName: "preheatHour"
                width: timeRow.stepperWidth
                label: qsTr("Hour")
                valueText: root.two(root.hour)
                onDecreased: root.hour = (root.hour + 23) % 24
                onIncreased: root.hour = (root.hour + 1) % 24
            }
            Stepper {
                objectName: "preheatMinute"
                width: timeRow.stepperWidth
                label: qsTr("Minute")
                valueText: root.two(root.minute)
                onDecreased: root.minute = (root.minute + 55) % 60
                onIncreased: root.minute = (root.minute + 5) % 60
            }
        }

        TextButton {
            objectName: root.dueText.length > 0 ? "preheatCancel" : "preheatSchedule"
            anchors.horizontalCenter: parent.horizontalCenter
            text: root.dueText.length > 0 ? qsTr("Cancel scheduled pre-heat")
                                          : qsTr("Schedule for %1:%2").arg(root.two(root.hour)).arg(root.two(root.minute))
            onClicked: root.dueText.length > 0 ? root.cancelRequested() : root.scheduleRequested(root.hour, root.minute)
        }
    }
}
