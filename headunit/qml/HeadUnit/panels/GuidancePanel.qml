import QtQuick
import HeadUnit

// Turn-by-turn guidance: the next manoeuvre in large type, distance and time to go,
// arrival time, and (on request) the list of manoeuvres.
Rectangle {
    id: root

    property string nextIcon: "straight"
    property string nextText
    property real nextDistanceM: 0
    property real remainingM: 0
    property real remainingS: 0
    property bool arrived: false
    property bool rerouting: false
    property string destinationName
    property var maneuvers: null
    property bool showList: false

    signal cancelRequested()

    function distanceText(metres) {
        if (metres < 950)
            return qsTr("%1 m").arg(Math.max(0, Math.round(metres / 10) * 10));
        return qsTr("%1 km").arg(Number(metres / 1000).toLocaleString(Qt.locale(), "f", metres < 9950 ? 1 : 0));
    }
    function durationText(seconds) {
        const minutes = Math.max(1, Math.round(seconds / 60));
        return minutes < 60 ? qsTr("%1 min").arg(minutes)
                            : qsTr("%1 h %2 min").arg(Math.floor(minutes / 60)).arg(minutes % 60);
    }

    radius: Sizes.radius
    color: Theme.surface
    border.color: Theme.divider

    // Presses on the panel stay on it: the map underneath must not pan or pick a point.
    MouseArea { anchors.fill: parent; acceptedButtons: Qt.AllButtons; onWheel: (wheel) => wheel.accepted = true }
    implicitHeight: column.implicitHeight + 2 * Sizes.margin
    height: implicitHeight

    Column {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Sizes.margin
        spacing: Sizes.spacing

        Item {
            width: parent.width
            height: Math.max(Sizes.iconLarge, nextColumn.implicitHeight)

            Rectangle {
                id: iconBox
                width: Sizes.iconLarge
                height: width
                radius: Sizes.radius
                color: Theme.accent
                Icon {
                    objectName: "nextManeuverIcon"
                    anchors.centerIn: parent
                    width: parent.width * 0.75
                    height: width
                    name: root.arrived ? "arrive" : root.nextIcon
                    color: Theme.accentText
                }
            }
            Column {
                id: nextColumn
                anchors.left: iconBox.right
                anchors.leftMargin: Sizes.spacing
                anchors.right: cancel.left
                anchors.rightMargin: Sizes.spacing
                anchors.verticalCenter: parent.verticalCenter
                Text {
                    objectName: "nextDistance"
                    width: parent.width
                    visible: !root.arrived
                    text: root.rerouting ? qsTr("Finding a new route…") : root.distanceText(root.nextDistanceM)
                    color: Theme.text
                    font.pixelSize: Sizes.fontDisplay
                    font.bold: true
                    elide: Text.ElideRight
                }
                Text {
                    objectName: "nextText"
                    width: parent.width
                    text: root.arrived ? qsTr("You have arrived") : root.nextText
                    color: Theme.text
                    font.pixelSize: Sizes.fontBody
                    wrapMode: Text.Wrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                }
            }
            RoundButton {
                id: cancel
                objectName: "cancelRoute"
                anchors.right: parent.right
                anchors.top: parent.top
                iconName: "close"
                accessibleName: qsTr("End guidance")
                onClicked: root.cancelRequested()
            }
        }

        Rectangle { width: parent.width; height: 1; color: Theme.divider }

        Item {
            width: parent.width
            height: Math.max(summary.implicitHeight, listButton.height)
            Text {
                id: summary
                objectName: "routeSummary"
                anchors.left: parent.left
                anchors.right: listButton.left
                anchors.rightMargin: Sizes.spacing
                anchors.verticalCenter: parent.verticalCenter
                text: qsTr("%1 · %2 · arrive %3").arg(root.distanceText(root.remainingM))
                          .arg(root.durationText(root.remainingS))
                          .arg(new Date(Date.now() + root.remainingS * 1000).toLocaleTimeString(Qt.locale(), Locale.ShortFormat))
                color: Theme.textMuted
                font.pixelSize: Sizes.fontBody
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
            }
            TextButton {
                id: listButton
                objectName: "maneuverListButton"
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                text: root.showList ? qsTr("Hide steps") : qsTr("Steps")
                onClicked: root.showList = !root.showList
            }
        }

        ListView {
            id: list
            objectName: "maneuverList"
            visible: root.showList
            width: parent.width
            height: visible ? Math.min(contentHeight, Sizes.touchTarget * 4) : 0
            clip: true
            model: root.maneuvers
            boundsBehavior: Flickable.StopAtBounds
            delegate: Item {
                id: step
                required property string icon
                required property string text
                required property real distanceM
                required property bool done
                width: ListView.view.width
                height: Sizes.touchTarget
                opacity: step.done ? 0.45 : 1
                Icon {
                    id: stepIcon
                    anchors.left: parent.left
                    anchors.verticalCenter: parent.verticalCenter
                    width: Sizes.iconSmall
                    height: width
                    name: step.icon
                    color: Theme.text
                }
                Text {
                    anchors.left: stepIcon.right
                    anchors.leftMargin: Sizes.spacing
                    anchors.right: stepDistance.left
                    anchors.rightMargin: Sizes.spacing
                    anchors.verticalCenter: parent.verticalCenter
                    text: step.text
                    color: Theme.text
                    font.pixelSize: Sizes.fontCaption
                    elide: Text.ElideRight
                }
                Text {
                    id: stepDistance
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    text: root.distanceText(step.distanceM)
                    color: Theme.textMuted
                    font.pixelSize: Sizes.fontCaption
                }
            }
        }
    }
}
