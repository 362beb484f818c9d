import QtQuick
import HeadUnit
import HeadUnit.Stores

// Home: one large tile per enabled area; below them, the apps used last (when there are any).
Item {
    id: root

    required property ShellStore shell
    property QtObject apps: null   // an AppsStore, once it exists: the recently used row
    property QtObject media: null  // the MediaStore, once it exists: what is playing

    readonly property int columns: Sizes.wide || width / height > 2.2 ? 4 : 2
    readonly property int tileCount: Math.max(1, root.shell.areas.rowCount() - 1)
    readonly property int rows: Math.ceil(tileCount / columns)

    function subtitleFor(key) {
        switch (key) {
        case "map": return qsTr("Offline map, search and routing");
        case "media":
            if (root.media !== null && root.media.hasTrack)
                return root.media.artist !== "" ? qsTr("%1 · %2").arg(root.media.title).arg(root.media.artist)
                                                : root.media.title;
            return qsTr("Nothing playing");
        case "vehicle": return qsTr("Range, doors, tyres and climate");
        case "apps": return qsTr("Partner apps");
        default: return "";
        }
    }

    Grid {
        id: grid
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: recentApps.visible ? recentApps.top : parent.bottom
        anchors.margins: Sizes.margin
        columns: root.columns
        spacing: Sizes.margin

        Repeater {
            model: root.shell.areas

            AreaTile {
                // `model` rather than named roles: AreaTile has a `title` of its own.
                required property var model

                objectName: "tile_" + model.key
                visible: model.key !== "home"
                width: (grid.width - (root.columns - 1) * grid.spacing) / root.columns
                height: (grid.height - (root.rows - 1) * grid.spacing) / root.rows
                iconName: model.icon
                title: model.title
                subtitle: root.subtitleFor(model.key)
                onClicked: root.shell.openArea(model.key)
            }
        }
    }

    RecentAppsPanel {
        id: recentApps
        objectName: "homeRecentApps"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Sizes.margin
        height: implicitHeight
        visible: root.apps !== null && count > 0
        model: root.apps === null ? null : root.apps.recent
        moving: root.apps !== null && root.apps.moving
        onLaunchRequested: (appId) => root.apps.launch(appId)
    }
}
