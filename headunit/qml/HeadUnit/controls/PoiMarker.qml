import QtQuick
import HeadUnit

// A point of interest on the map: its category's icon on a round badge with a
// small pointer below; highlighted when it is the selected POI.
Item {
    id: root

    property string category
    property string name
    property bool highlighted: false

    readonly property var iconByCategory: ({ "fast_food": "restaurant" })
    readonly property string iconName: {
        const mapped = iconByCategory[category] ?? category;
        return Icons.paths[mapped] !== undefined ? mapped : "map";
    }

    implicitWidth: highlighted ? Sizes.icon * 1.25 : Sizes.icon
    implicitHeight: implicitWidth
    Accessible.role: Accessible.Button
    Accessible.name: name.length > 0 ? name : category

    Rectangle {
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.verticalCenter: parent.bottom
        width: parent.width * 0.3
        height: width
        rotation: 45
        color: badge.border.color
    }

    Rectangle {
        id: badge

        anchors.fill: parent
        radius: width / 2
        color: root.highlighted ? Theme.accent : Theme.surface
        border.width: Math.max(1.5, width / 16)
        border.color: root.highlighted ? Theme.surface : Theme.accent
    }

    Icon {
        anchors.centerIn: parent
        width: parent.width * 0.6
        height: width
        name: root.iconName
        color: root.highlighted ? Theme.accentText : Theme.accent
    }
}
