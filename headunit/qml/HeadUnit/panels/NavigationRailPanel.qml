import QtQuick
import HeadUnit

// The navigation rail: one button per area. `areas` is a model with the roles
// key, title and icon.
Rectangle {
    id: root

    property var areas
    property string currentArea

    signal areaSelected(string key)

    implicitWidth: Sizes.railWidth
    color: Theme.surface

    Rectangle {
        anchors.right: parent.right
        width: 1
        height: parent.height
        color: Theme.divider
    }

    Column {
        anchors.verticalCenter: parent.verticalCenter
        width: parent.width

        Repeater {
            model: root.areas

            NavRailButton {
                required property string key
                required property string title
                required property string icon

                objectName: "rail_" + key
                width: root.width
                height: Math.max(Sizes.touchTarget, Math.min(Sizes.dp(110), root.height / Math.max(1, root.areas.rowCount())))
                iconName: icon
                text: title
                checked: root.currentArea === key
                onClicked: root.areaSelected(key)
            }
        }
    }
}
