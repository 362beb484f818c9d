import QtQuick
import HeadUnit

// One zoom level of map tiles, laid out as a ring buffer: a fixed grid of tile
// Images where panning changes only the sources of the tiles that wrap around
// from one edge to the other. The world item is scaled by 2^(mapZoom - tileZoom)
// for fractional zoom and turned by the bearing around the focus point. A frozen
// layer keeps its tiles (the level below while the next one loads).
Item {
    id: root

    property int tileZoom: -1
    property string prefix          // "image://maptiles/<map_id>/<style>"; empty: no tiles
    property bool frozen: false
    property real mapZoom: 15
    property real centerMx: 0.5     // view centre, mercator units
    property real centerMy: 0.5
    property real focusX: width / 2 // where the centre is on screen
    property real focusY: height / 2
    property real bearing: 0
    property bool rotatable: false  // size the ring for any bearing
    property int pixelSize: 256     // tile image pixels (256 x device pixel ratio)

    readonly property bool busy: busyCount > 0
    property int busyCount: 0
    // Counted afresh from the tiles after any change, not kept by +1/-1 in their handlers: a
    // tile's busy can change while the ring creates or drops it, and one missed step left the
    // layer "busy" for good with every tile on screen (seen as a map that never settled).
    function recount() {
        let busyTiles = 0;
        for (let i = 0; i < ring.count; ++i) {
            const tile = ring.itemAt(i);
            if (tile !== null && tile.busy)
                busyTiles += 1;
        }
        busyCount = busyTiles;
    }
    readonly property int tileCount: ring.count

    readonly property real tileScale: Math.pow(2, mapZoom - tileZoom)
    readonly property real worldPx: 256 * Math.pow(2, tileZoom)
    readonly property real cx: centerMx * worldPx
    readonly property real cy: centerMy * worldPx
    readonly property bool smoothTiles: Math.abs(tileScale - 1) > 0.001 || MapMath.mod(bearing, 90) > 0.01

    // The smallest tile scale is 2^-0.4 (MapCanvas switches levels at zoom x.6).
    readonly property real span: rotatable ? Math.sqrt(width * width + height * height) : 0
    readonly property int cols: Math.ceil((rotatable ? span : width) / (256 * 0.75)) + 2
    readonly property int rows: Math.ceil((rotatable ? span : height) / (256 * 0.75)) + 2

    // Tile range that covers the view (plus a quarter tile), as the ring's origin and end.
    property int x0: 0
    property int y0: 0
    property int x1: -1
    property int y1: -1

    function visibleRange() {
        const corners = [[-focusX, -focusY], [width - focusX, -focusY],
                         [-focusX, height - focusY], [width - focusX, height - focusY]];
        let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
        for (const c of corners) {
            const p = MapMath.rotate(c[0], c[1], bearing);
            minX = Math.min(minX, p.x); maxX = Math.max(maxX, p.x);
            minY = Math.min(minY, p.y); maxY = Math.max(maxY, p.y);
        }
        const m = 64;
        return [Math.floor((cx + (minX - m) / tileScale) / 256), Math.floor((cy + (minY - m) / tileScale) / 256),
                Math.floor((cx + (maxX + m) / tileScale) / 256), Math.floor((cy + (maxY + m) / tileScale) / 256)];
    }

    readonly property var range: tileZoom >= 0 ? visibleRange() : [0, 0, -1, -1]
    Binding { target: root; property: "x0"; value: root.range[0]; when: !root.frozen; restoreMode: Binding.RestoreNone }
    Binding { target: root; property: "y0"; value: root.range[1]; when: !root.frozen; restoreMode: Binding.RestoreNone }
    Binding {
        target: root; property: "x1"; when: !root.frozen; restoreMode: Binding.RestoreNone
        value: Math.min(root.range[2], root.range[0] + root.cols - 1)
    }
    Binding {
        target: root; property: "y1"; when: !root.frozen; restoreMode: Binding.RestoreNone
        value: Math.min(root.range[3], root.range[1] + root.rows - 1)
    }

    Item {
        id: world

        readonly property real originX: root.cx - root.x0 * 256
        readonly property real originY: root.cy - root.y0 * 256

        x: root.focusX - originX
        y: root.focusY - originY
        transform: [
            Scale {
                origin.x: world.originX
                origin.y: world.originY
                xScale: root.tileScale
                yScale: root.tileScale
            },
            Rotation {
                origin.x: world.originX
                origin.y: world.originY
                angle: -root.bearing
            }
        ]

        Repeater {
            id: ring

            model: root.cols * root.rows

            delegate: Image {
                id: tile

                required property int index
                readonly property int tx: root.x0 + MapMath.mod(index % root.cols - root.x0, root.cols)
                readonly property int ty: root.y0 + MapMath.mod(Math.floor(index / root.cols) - root.y0, root.rows)
                readonly property bool wanted: root.prefix.length > 0 && root.tileZoom >= 0
                                               && tx <= root.x1 && ty <= root.y1
                readonly property bool busy: wanted && status !== Image.Ready && status !== Image.Error

                x: (tx - root.x0) * 256
                y: (ty - root.y0) * 256
                width: 256
                height: 256
                sourceSize.width: root.pixelSize
                sourceSize.height: root.pixelSize
                asynchronous: true
                cache: false
                smooth: root.smoothTiles
                source: wanted ? root.prefix + "/" + root.tileZoom + "/" + tx + "/" + ty : ""
                visible: status === Image.Ready

                onBusyChanged: Qt.callLater(root.recount)
                Component.onCompleted: Qt.callLater(root.recount)
                Component.onDestruction: Qt.callLater(root.recount)
            }
        }
    }
}
