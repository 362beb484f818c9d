import QtQuick
import HeadUnit

// MapCanvas's tiles: two MapTileLayers, so that when the zoom crosses to another
// tile level (or the style changes) the complete level stays shown underneath
// while the new one loads. Before the first tile it loads the provider's
// "warmup" image from the event loop: the provider's first request must never
// start inside Python code holding the GIL (headunit/qt/map/tile_provider.py).
Item {
    id: root

    property string tileSource          // "image://maptiles/<map_id>"
    property bool night: false
    property int tileZoom: -1
    property real mapZoom: 15
    property real centerMx: 0.5
    property real centerMy: 0.5
    property real focusX: width / 2
    property real focusY: height / 2
    property real bearing: 0
    property bool rotatable: false

    property bool providerReady: false
    readonly property string prefix: providerReady && tileSource.length > 0
                                     ? tileSource + "/" + (night ? "night" : "day") : ""
    readonly property Item front: aFront ? layerA : layerB
    readonly property bool loading: front.busy
    // The current level's tiles are all on screen (false again while new ones load).
    readonly property bool ready: prefix.length > 0 && front.prefix === prefix && front.tileZoom === tileZoom
                                  && width > 0 && height > 0 && front.tileCount > 0 && !front.busy

    property bool aFront: true
    property int zoomA: -1
    property int zoomB: -1
    property string prefixA
    property string prefixB

    function updateLevels() {
        if (front.tileZoom === tileZoom && front.prefix === prefix)
            return;
        if (front.tileZoom >= 0 && front.prefix.length > 0 && !front.busy)
            aFront = !aFront;   // the complete level becomes the one underneath
        if (aFront) {
            zoomA = tileZoom;
            prefixA = prefix;
        } else {
            zoomB = tileZoom;
            prefixB = prefix;
        }
    }
    onTileZoomChanged: updateLevels()
    onPrefixChanged: updateLevels()
    onTileSourceChanged: if (!providerReady && tileSource.length > 0) warmupTimer.start()
    Component.onCompleted: {
        if (tileSource.length > 0)
            warmupTimer.start();
        updateLevels();
    }

    Image {
        id: warmup

        visible: false
        asynchronous: true
        cache: false
        onStatusChanged: if (status === Image.Ready || status === Image.Error) root.providerReady = true
    }

    Timer {
        id: warmupTimer

        interval: 0
        onTriggered: warmup.source = root.tileSource + "/warmup"
    }

    MapTileLayer {
        id: layerA

        anchors.fill: parent
        z: root.aFront ? 1 : 0
        visible: root.aFront || (layerB.busy && Math.abs(root.mapZoom - tileZoom) <= 3)
        frozen: !root.aFront
        tileZoom: root.zoomA
        prefix: root.prefixA
        mapZoom: root.mapZoom
        centerMx: root.centerMx
        centerMy: root.centerMy
        focusX: root.focusX
        focusY: root.focusY
        bearing: root.bearing
        rotatable: root.rotatable
        pixelSize: Math.round(256 * Screen.devicePixelRatio)
    }

    MapTileLayer {
        id: layerB

        anchors.fill: parent
        z: root.aFront ? 0 : 1
        visible: !root.aFront || (layerA.busy && Math.abs(root.mapZoom - tileZoom) <= 3)
        frozen: root.aFront
        tileZoom: root.zoomB
        prefix: root.prefixB
        mapZoom: root.mapZoom
        centerMx: root.centerMx
        centerMy: root.centerMy
        focusX: root.focusX
        focusY: root.focusY
        bearing: root.bearing
        rotatable: root.rotatable
        pixelSize: layerA.pixelSize
    }
}
