import QtQuick
import HeadUnit

// The POI or point the driver picked: what it is, where, how far, and "Go".
Rectangle {
    id: root

    property var poi: ({})
    property bool routing: false      // a route to it is being computed
    property string routeMessage      // why there is no route, if there is none

    signal routeRequested()
    signal closed()

    readonly property var categoryNames: ({
        "parking": qsTr("Parking"), "fuel": qsTr("Fuel station"), "charging": qsTr("EV charging"),
        "restaurant": qsTr("Restaurant"), "cafe": qsTr("Café"), "fast_food": qsTr("Fast food"),
        "bar": qsTr("Bar or pub"), "hospital": qsTr("Hospital or clinic"), "pharmacy": qsTr("Pharmacy"),
        "hotel": qsTr("Hotel"), "shop": qsTr("Shop"), "bank": qsTr("Bank or ATM"), "toilets": qsTr("Toilets"),
        "sight": qsTr("Sight"), "police": qsTr("Police"), "car_service": qsTr("Car service"),
        "point": qsTr("Point on the map")
    })

    radius: Sizes.radius
    color: Theme.surface
    border.color: Theme.divider

    // Presses on the panel stay on it: the map underneath must not pan or pick a point.
    MouseArea { anchors.fill: parent; acceptedButtons: Qt.AllButtons; onWheel: (wheel) => wheel.accepted = true }
    implicitHeight: content.implicitHeight + 2 * Sizes.margin

    Column {
        id: content
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Sizes.margin
        spacing: Sizes.spacing / 2

        Item {
            width: parent.width
            height: Math.max(title.implicitHeight, close.height)
            Icon {
                id: icon
                anchors.left: parent.left
                anchors.verticalCenter: parent.verticalCenter
                width: Sizes.icon
                height: width
                name: root.poi.icon || "map"
                color: Theme.accent
            }
            Text {
                id: title
                objectName: "poiTitle"
                anchors.left: icon.right
                anchors.leftMargin: Sizes.spacing
                anchors.right: close.left
                anchors.rightMargin: Sizes.spacing
                anchors.verticalCenter: parent.verticalCenter
                text: root.poi.name ? root.poi.name : (root.categoryNames[root.poi.category] || "")
                color: Theme.text
                font.pixelSize: Sizes.fontTitle
                font.bold: true
                elide: Text.ElideRight
                maximumLineCount: 2
                wrapMode: Text.Wrap
            }
            RoundButton {
                id: close
                objectName: "poiClose"
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                iconName: "close"
                accessibleName: qsTr("Close")
                onClicked: root.closed()
            }
        }
        Text {
            width: parent.width
            text: [root.categoryNames[root.poi.category] || "",
                   root.poi.distanceM >= 0 ? qsTr("%1 km away").arg(Number(root.poi.distanceM / 1000).toLocaleString(Qt.locale(), "f", 1)) : ""]
                  .filter(s => s.length > 0).join(" · ")
            color: Theme.textMuted
            font.pixelSize: Sizes.fontBody
            elide: Text.ElideRight
        }
        Text {
            width: parent.width
            visible: (root.poi.address || "").length > 0
            text: root.poi.address || ""
            color: Theme.text
            font.pixelSize: Sizes.fontBody
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }
        Text {
            width: parent.width
            visible: (root.poi.openingHours || "").length > 0
            text: qsTr("Open: %1").arg(root.poi.openingHours || "")
            color: Theme.textMuted
            font.pixelSize: Sizes.fontCaption
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }
        Text {
            objectName: "routeMessage"
            width: parent.width
            visible: root.routeMessage.length > 0
            text: root.routeMessage
            color: Theme.warning
            font.pixelSize: Sizes.fontBody
            wrapMode: Text.Wrap
        }
        Item { width: 1; height: Sizes.spacing / 2 }
        TextButton {
            objectName: "routeButton"
            width: parent.width
            accent: true
            enabled: !root.routing
            text: root.routing ? qsTr("Finding a route…") : qsTr("Go")
            onClicked: root.routeRequested()
        }
    }
}
