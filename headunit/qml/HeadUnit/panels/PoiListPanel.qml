import QtQuick
import HeadUnit

// Search or nearest results: name, category icon, distance, address.
Rectangle {
    id: root

    property var model: null
    property string title
    property string message
    property bool busy: false

    signal poiChosen(int poiId)

    radius: Sizes.radius
    color: Theme.surface
    border.color: Theme.divider

    // Presses on the panel stay on it: the map underneath must not pan or pick a point.
    MouseArea { anchors.fill: parent; acceptedButtons: Qt.AllButtons; onWheel: (wheel) => wheel.accepted = true }
    implicitHeight: Math.min(header.height + list.contentHeight + 2 * Sizes.spacing, 9999)

    function distanceText(metres) {
        if (metres < 0)
            return "";
        return metres < 950 ? qsTr("%1 m").arg(Math.round(metres / 10) * 10)
                            : qsTr("%1 km").arg(Number(metres / 1000).toLocaleString(Qt.locale(), "f", 1));
    }

    Text {
        id: header
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.margins: Sizes.spacing
        text: root.busy ? qsTr("Searching…") : (root.message.length > 0 ? root.message : root.title)
        color: root.message.length > 0 ? Theme.textMuted : Theme.text
        font.pixelSize: Sizes.fontBody
        font.bold: root.message.length === 0
        wrapMode: Text.Wrap
    }

    ListView {
        id: list
        objectName: "poiList"
        anchors.top: header.bottom
        anchors.topMargin: Sizes.spacing / 2
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Sizes.spacing / 2
        clip: true
        model: root.model
        boundsBehavior: Flickable.StopAtBounds

        delegate: Item {
            id: row
            required property int poiId
            required property string name
            required property string category
            required property string address
            required property real distanceM
            required property string icon
            width: ListView.view.width
            height: Sizes.touchTarget + Sizes.spacing
            objectName: "poiRow_" + poiId

            Rectangle {
                anchors.fill: parent
                anchors.leftMargin: Sizes.spacing / 2
                anchors.rightMargin: Sizes.spacing / 2
                radius: Sizes.radius / 2
                color: tap.pressed ? Theme.surfacePressed : "transparent"
            }
            Icon {
                id: icon
                anchors.left: parent.left
                anchors.leftMargin: Sizes.spacing
                anchors.verticalCenter: parent.verticalCenter
                width: Sizes.icon
                height: width
                name: row.icon
                color: Theme.accent
            }
            Column {
                anchors.left: icon.right
                anchors.leftMargin: Sizes.spacing
                anchors.right: distance.left
                anchors.rightMargin: Sizes.spacing
                anchors.verticalCenter: parent.verticalCenter
                Text {
                    width: parent.width
                    text: row.name.length > 0 ? row.name : qsTr("Unnamed place")
                    color: Theme.text
                    font.pixelSize: Sizes.fontBody
                    elide: Text.ElideRight
                }
                Text {
                    width: parent.width
                    visible: row.address.length > 0
                    text: row.address
                    color: Theme.textMuted
                    font.pixelSize: Sizes.fontCaption
                    elide: Text.ElideRight
                }
            }
            Text {
                id: distance
                anchors.right: parent.right
                anchors.rightMargin: Sizes.spacing
                anchors.verticalCenter: parent.verticalCenter
                text: root.distanceText(row.distanceM)
                color: Theme.textMuted
                font.pixelSize: Sizes.fontCaption
            }
            TapHandler {
                id: tap
                // exclusive, so the map underneath never sees the tap; the list can still take a flick over
                gesturePolicy: TapHandler.ReleaseWithinBounds
                onTapped: root.poiChosen(row.poiId)
            }
        }
    }
}
