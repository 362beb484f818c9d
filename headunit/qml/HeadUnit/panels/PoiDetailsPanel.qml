import QtQuick
import HeadUnit

// The POI or point the driver picked: what it is, where, how far, its live data
// (free spaces and price of parking, fuel and charging, from the backend), and "Go".
Rectangle {
    id: root

    property var poi: ({})
    property bool routing: false      // a route to it is being computed
    property string routeMessage      // why there is no route, if there is none
    // The backend's live data; all empty/false for a POI without any.
    property bool liveAvailable: false
    property bool liveLoading: false
    property bool liveStale: false    // older than the configured age, or a refresh failed
    property string liveAvailability  // "12 of 40 free"
    property string livePrice         // "€2.50 / h"
    property string liveAsOf          // "as of 10:42"
    property string liveError         // why it could not be fetched or refreshed

    property bool bookable: false     // reserve or pay here: a parking, fuel or charging POI (the button keeps
    property bool bookReady: false    // its place while live data loads, so nothing moves under a finger)

    signal routeRequested()
    signal bookRequested()
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
            id: liveInfo
            objectName: "liveInfo"
            readonly property var parts: [root.liveAvailability, root.livePrice].filter(s => s.length > 0)
            width: parent.width
            // Kept (empty) while a bookable POI's live data loads, so the buttons below do not move.
            visible: root.bookable || (root.liveAvailable && text.length > 0)
            // "12 of 40 free · €2.50 / h" on one line if it fits, else availability over price.
            text: liveLine.advanceWidth <= width ? liveLine.text : parts.join("\n")
            color: Theme.text
            font.pixelSize: Sizes.fontBody
            font.bold: true
            maximumLineCount: 2
            elide: Text.ElideRight
            TextMetrics { id: liveLine; font: liveInfo.font; text: liveInfo.parts.join(" · ") }
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        Text {
            objectName: "liveStatus"
            width: parent.width
            visible: text.length > 0
            text: root.liveError.length > 0 ? [root.liveAsOf, root.liveError].filter(s => s.length > 0).join(" · ")
                  : root.liveAvailable ? root.liveAsOf
                  : root.liveLoading ? qsTr("Loading live data…") : ""
            color: root.liveStale || root.liveError.length > 0 ? Theme.warning : Theme.textMuted
            font.pixelSize: Sizes.fontCaption
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
            Accessible.role: Accessible.StaticText
            Accessible.name: text
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
            objectName: "bookButton"
            width: parent.width
            visible: root.bookable
            enabled: root.bookReady
            accent: true
            text: root.poi.category === "fuel" ? qsTr("Pay at the pump")
                  : root.poi.category === "charging" ? qsTr("Reserve a charger") : qsTr("Reserve")
            onClicked: root.bookRequested()
        }
        TextButton {
            objectName: "routeButton"
            width: parent.width
            accent: !root.bookable
            enabled: !root.routing
            text: root.routing ? qsTr("Finding a route…") : qsTr("Go")
            onClicked: root.routeRequested()
        }
    }
}
