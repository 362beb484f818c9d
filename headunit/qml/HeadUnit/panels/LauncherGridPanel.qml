pragma ComponentBehavior: Bound
import QtQuick
import HeadUnit

// The launcher: every app in a paged grid, swiped sideways, with page dots.
// Tap launches. A long press lifts a tile; dragging it over the others moves them aside
// live (to the edge of the grid: the next or previous page), and releasing asks for the
// move. `model` has the roles appId, name, iconUrl, usableWhileMoving; apps that cannot be
// used while moving look dimmed while `moving`. `perPage` is what fits: the view tells
// the store.
Item {
    id: root

    property var model
    property bool moving: false

    readonly property real cellMinWidth: Math.max(Sizes.touchTarget * 1.7, Sizes.dp(150))
    readonly property real cellMinHeight: Math.max(Sizes.touchTarget * 1.6 + Sizes.fontCaption * 1.6, Sizes.dp(150))
    readonly property int columns: Math.max(2, Math.floor(pages.width / root.cellMinWidth))
    readonly property int rows: Math.max(1, Math.floor(pages.height / root.cellMinHeight))
    readonly property int perPage: root.columns * root.rows
    readonly property int count: tiles.count
    readonly property int pageCount: Math.max(1, Math.ceil(tiles.count / root.perPage))
    property int currentPage: 0   // the page shown (or being turned to)
    readonly property real cellWidth: pages.width / root.columns
    readonly property real cellHeight: pages.height / root.rows

    // The tile being dragged (its model index) and the slot it would drop into; -1: none.
    property int dragFrom: -1
    property int dragTo: -1
    property Item liftedTile: null
    readonly property bool dragging: root.dragFrom >= 0

    signal launchRequested(string appId)
    signal moveRequested(int from, int to)

    function slotOf(index) {
        if (root.dragFrom < 0 || index === root.dragFrom)
            return index;
        if (root.dragFrom < root.dragTo && index > root.dragFrom && index <= root.dragTo)
            return index - 1;
        if (root.dragTo < root.dragFrom && index >= root.dragTo && index < root.dragFrom)
            return index + 1;
        return index;
    }
    function slotX(slot) {
        const page = Math.floor(slot / root.perPage);
        return page * pages.width + (slot % root.columns) * root.cellWidth;
    }
    function slotY(slot) {
        return Math.floor((slot % root.perPage) / root.columns) * root.cellHeight;
    }
    // The slot under a point in the pages' content (clamped to the apps there are).
    function slotAt(contentX, contentY) {
        const page = Math.max(0, Math.min(root.pageCount - 1, Math.floor(contentX / pages.width)));
        const column = Math.max(0, Math.min(root.columns - 1, Math.floor((contentX - page * pages.width) / root.cellWidth)));
        const row = Math.max(0, Math.min(root.rows - 1, Math.floor(contentY / root.cellHeight)));
        return Math.min(tiles.count - 1, page * root.perPage + row * root.columns + column);
    }
    function showPage(page) {
        root.currentPage = Math.max(0, Math.min(root.pageCount - 1, page));
        snap.stop();
        snap.to = root.currentPage * pages.width;
        snap.start();
    }

    onPageCountChanged: if (root.currentPage > root.pageCount - 1) root.showPage(root.pageCount - 1)

    Flickable {
        id: pages
        objectName: "launcherPages"
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: dots.top
        anchors.bottomMargin: Sizes.spacing
        contentWidth: root.pageCount * width
        contentHeight: height
        flickableDirection: Flickable.HorizontalFlick
        boundsBehavior: Flickable.StopAtBounds
        interactive: !root.dragging && root.pageCount > 1
        clip: true

        property real lastContentX: 0

        onMovementEnded: root.showPage(Math.round(contentX / width))
        onWidthChanged: {
            snap.stop();
            contentX = root.currentPage * width;
        }
        // A page turned under a lifted tile: the tile stays under the finger.
        onContentXChanged: {
            const delta = contentX - lastContentX;
            lastContentX = contentX;
            if (root.liftedTile !== null && delta !== 0) {
                const at = root.liftedTile.dragAt;
                root.liftedTile.dragAt = Qt.point(at.x + delta, at.y);
                root.dragTo = root.slotAt(at.x + delta + root.liftedTile.grabOffset.x,
                                          at.y + root.liftedTile.grabOffset.y);
            }
        }

        NumberAnimation {
            id: snap
            target: pages
            property: "contentX"
            duration: 200
            easing.type: Easing.OutCubic
        }

        Repeater {
            id: tiles
            model: root.model

            delegate: Item {
                id: tile

                required property int index
                required property string appId
                required property string name
                required property string iconUrl
                required property bool usableWhileMoving

                readonly property bool lifted: root.dragFrom === tile.index
                property point grabOffset
                property point dragAt   // where the lifted tile is, following the finger

                objectName: "launcherTile_" + tile.appId
                width: root.cellWidth
                height: root.cellHeight
                z: tile.lifted ? 10 : 0
                x: tile.lifted ? tile.dragAt.x : root.slotX(root.slotOf(tile.index))
                y: tile.lifted ? tile.dragAt.y : root.slotY(root.slotOf(tile.index))

                Behavior on x { enabled: root.dragging && !tile.lifted; NumberAnimation { duration: 150 } }
                Behavior on y { enabled: root.dragging && !tile.lifted; NumberAnimation { duration: 150 } }

                AppIcon {
                    objectName: "launcherIcon_" + tile.appId
                    anchors.fill: parent
                    anchors.margins: Sizes.spacing / 2
                    interactive: false
                    iconUrl: tile.iconUrl
                    name: tile.name
                    pressed: area.pressed && !tile.lifted
                    lifted: tile.lifted
                    dimmed: root.moving && !tile.usableWhileMoving
                    onClicked: root.launchRequested(tile.appId)
                }

                MouseArea {
                    id: area
                    anchors.fill: parent
                    pressAndHoldInterval: 500

                    onClicked: root.launchRequested(tile.appId)
                    onPressAndHold: (mouse) => {
                        tile.grabOffset = Qt.point(mouse.x, mouse.y);
                        tile.dragAt = Qt.point(tile.x, tile.y);
                        area.preventStealing = true;
                        root.dragTo = tile.index;
                        root.dragFrom = tile.index;
                        root.liftedTile = tile;
                    }
                    onPositionChanged: (mouse) => {
                        if (!tile.lifted)
                            return;
                        const p = area.mapToItem(pages.contentItem, mouse.x, mouse.y);
                        tile.dragAt = Qt.point(p.x - tile.grabOffset.x, p.y - tile.grabOffset.y);
                        const inView = area.mapToItem(pages, mouse.x, mouse.y);
                        edge.direction = inView.x < root.cellWidth * 0.35 ? -1
                                         : inView.x > pages.width - root.cellWidth * 0.35 ? 1 : 0;
                        root.dragTo = root.slotAt(p.x, p.y);
                    }
                    onReleased: tile.drop(true)
                    onCanceled: tile.drop(false)
                }

                function drop(keep) {
                    if (!tile.lifted)
                        return;
                    const from = root.dragFrom, to = root.dragTo;
                    area.preventStealing = false;
                    edge.direction = 0;
                    root.liftedTile = null;
                    root.dragFrom = -1;
                    root.dragTo = -1;
                    if (keep && to >= 0 && to !== from)
                        root.moveRequested(from, to);
                }
            }
        }
    }

    // Holding a lifted tile at the left or right edge turns the page.
    Timer {
        id: edge
        property int direction: 0
        interval: 700
        repeat: true
        running: root.dragging && direction !== 0
        onTriggered: {
            const page = root.currentPage + direction;
            if (page >= 0 && page < root.pageCount)
                root.showPage(page);
        }
    }

    Row {
        id: dots
        objectName: "pageDots"
        anchors.bottom: parent.bottom
        anchors.horizontalCenter: parent.horizontalCenter
        height: Sizes.dp(16)
        spacing: Sizes.dp(12)
        visible: root.pageCount > 1

        Repeater {
            model: root.pageCount

            Rectangle {
                required property int index
                anchors.verticalCenter: parent.verticalCenter
                width: Math.max(8, Sizes.dp(12))
                height: width
                radius: width / 2
                color: index === root.currentPage ? Theme.accent : Theme.divider
            }
        }
    }
}
