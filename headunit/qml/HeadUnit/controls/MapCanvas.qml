import QtQuick
import HeadUnit

// The touch map: tiles from the "maptiles" image provider, the route, POI markers
// and the car. Properties in, signals out; no store inside.
//
// Gestures (MapGestures): drag pans and flings, pinch zooms around the fingers,
// double tap zooms in around the tap, the wheel zooms around the pointer, a single
// tap reports a POI (poiTapped) or a point (tapped). A drag emits userMoved(); the
// view then turns followCar off. In follow mode the map tracks the car (animated
// between updates, MapCarTracker); heading-up turns the map so the car's heading
// points up (the canvas then drives `bearing`) with the car in the lower third;
// north-up keeps bearing 0 and turns the marker. recentre() sets followCar and
// animates back to the car. viewportChanged() reports the shown box at most every
// 300 ms while the view moves, and once when it settles.
//
// routePath: a JS array of {lat, lon} objects, drawn as a line of constant width.
// pois: a list model with the roles poiId, lat, lon, category and name.
Item {
    id: root

    property string tileSource          // "image://maptiles/<map_id>"; empty: no tiles
    property bool night: false
    property real centerLat: 60.1699
    property real centerLon: 24.9384
    property real zoom: 15
    property real minZoom: 11
    property real maxZoom: 18
    property real bearing: 0            // degrees the map is turned; 0 = north up
    property bool followCar: false
    property bool headingUp: false
    property bool carValid: false
    property real carLat: 0
    property real carLon: 0
    property real carHeading: 0
    property var pois: null
    property var routePath: []
    property var highlightPoiId: -1
    property string attribution: "© OpenStreetMap contributors, ODbL"

    // Read-only state, for the view and for tests.
    readonly property int tileZoom: Math.floor(Math.max(minZoom, Math.min(maxZoom, zoom)) + 0.4)
    readonly property bool providerReady: tiles.providerReady
    readonly property bool tilesReady: tiles.ready
    readonly property bool loading: tiles.loading
    readonly property bool following: followCar && carValid && !gestures.dragging && !gestures.pinching
                                      && !car.recentring
    readonly property bool moving: gestures.moving || car.recentring
    readonly property real worldPx: 256 * Math.pow(2, zoom)
    readonly property real centerMx: MapMath.mercX(centerLon)
    readonly property real centerMy: MapMath.mercY(centerLat)
    readonly property real focusX: width / 2
    readonly property real focusY: height * (headingUp ? 0.68 : 0.5)

    signal tapped(real lat, real lon)
    signal poiTapped(int poiId)
    signal userMoved()
    signal viewportChanged(real minLat, real minLon, real maxLat, real maxLon, real zoom)

    // -- public functions ----------------------------------------------------------------

    function coordinateAt(x, y) {
        const m = mercAt(x, y);
        return { lat: MapMath.latOf(m.my), lon: MapMath.lonOf(m.mx) };
    }

    function pointAt(lat, lon) {
        const d = MapMath.rotate((MapMath.mercX(lon) - centerMx) * worldPx, (MapMath.mercY(lat) - centerMy) * worldPx,
                                 -bearing);
        return Qt.point(focusX + d.x, focusY + d.y);
    }

    function recentre() {
        stopMotion();
        if (!followCar)
            followCar = true;   // onFollowCarChanged animates
        else
            car.animateToCar();
    }

    function zoomBy(delta) {
        gestures.animateZoom(zoom + delta, focusX, focusY);
    }

    function setView(lat, lon, newZoom) {
        stopMotion();
        zoom = clampZoom(newZoom);
        centerLat = lat;
        centerLon = lon;
    }

    function fitRoute() {
        if (!routePath || routePath.length < 2 || width <= 0 || height <= 0)
            return;
        let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
        for (const p of routePath) {
            const mx = MapMath.mercX(p.lon), my = MapMath.mercY(p.lat);
            x0 = Math.min(x0, mx); x1 = Math.max(x1, mx); y0 = Math.min(y0, my); y1 = Math.max(y1, my);
        }
        const fit = Math.min(width * 0.8 / Math.max(1e-12, x1 - x0), height * 0.8 / Math.max(1e-12, y1 - y0));
        setView(MapMath.latOf((y0 + y1) / 2), MapMath.lonOf((x0 + x1) / 2), Math.log2(fit / 256));
    }

    // -- geometry (also used by MapGestures and MapCarTracker) ----------------------------

    function clampZoom(z) {
        return Math.max(minZoom, Math.min(maxZoom, z));
    }

    function mercAt(x, y) {
        const d = MapMath.rotate(x - focusX, y - focusY, bearing);
        return { mx: centerMx + d.x / worldPx, my: centerMy + d.y / worldPx };
    }

    function setCenterMerc(mx, my) {
        centerLon = MapMath.lonOf(mx);
        centerLat = MapMath.latOf(Math.max(0, Math.min(1, my)));
    }

    // Move the centre so that mercator point (mx, my) shows at screen point (x, y).
    function keepPointAt(mx, my, x, y) {
        const d = MapMath.rotate(x - focusX, y - focusY, bearing);
        setCenterMerc(mx - d.x / worldPx, my - d.y / worldPx);
    }

    function zoomAround(newZoom, x, y) {
        const m = mercAt(x, y);
        zoom = clampZoom(newZoom);
        if (!following)
            keepPointAt(m.mx, m.my, x, y);
    }

    function stopMotion() {
        gestures.stop();
        car.stop();
    }

    function handleTap(x, y) {
        let best = null, bestDistance = Math.max(Sizes.touchTarget / 2, 24);
        for (let i = 0; i < poiRepeater.count; ++i) {
            const marker = poiRepeater.itemAt(i);
            if (!marker)
                continue;
            const c = marker.mapToItem(root, marker.width / 2, marker.height / 2);
            const distance = Math.hypot(c.x - x, c.y - y);
            if (distance <= bestDistance) {
                best = marker;
                bestDistance = distance;
            }
        }
        if (best) {
            poiTapped(best.poiId);
        } else {
            const c = coordinateAt(x, y);
            tapped(c.lat, c.lon);
        }
    }

    MapGestures {
        id: gestures

        anchors.fill: parent
        canvas: root
    }

    MapCarTracker {
        id: car

        canvas: root
    }

    onCarLatChanged: Qt.callLater(car.carMoved)
    onCarLonChanged: Qt.callLater(car.carMoved)
    onCarHeadingChanged: Qt.callLater(car.carMoved)
    onCarValidChanged: Qt.callLater(car.carMoved)
    onFollowCarChanged: if (followCar) car.animateToCar()
    onHeadingUpChanged: {
        if (following)
            car.animateToCar();
        else if (!headingUp)
            car.turnNorth();
    }

    // -- viewport reports ------------------------------------------------------------------

    function reportViewport() {
        if (width <= 0 || height <= 0)
            return;
        let minLat = 90, minLon = 180, maxLat = -90, maxLon = -180;
        for (const c of [[0, 0], [width, 0], [0, height], [width, height]]) {
            const p = coordinateAt(c[0], c[1]);
            minLat = Math.min(minLat, p.lat); maxLat = Math.max(maxLat, p.lat);
            minLon = Math.min(minLon, p.lon); maxLon = Math.max(maxLon, p.lon);
        }
        viewportChanged(minLat, minLon, maxLat, maxLon, zoom);
        overlay.reanchorIfFar();
    }

    function viewMoved() {
        if (!viewportTimer.running)
            viewportTimer.start();
    }

    Timer {
        id: viewportTimer

        interval: 300
        onTriggered: root.reportViewport()
    }
    onCenterMxChanged: viewMoved()
    onCenterMyChanged: viewMoved()
    onZoomChanged: {
        viewMoved();
        overlay.rebuildRouteIfStale();
    }
    onBearingChanged: viewMoved()
    onWidthChanged: viewMoved()
    onHeightChanged: viewMoved()
    Component.onCompleted: viewMoved()

    Accessible.role: Accessible.Graphic
    Accessible.name: qsTr("Map")
    clip: true

    Rectangle {
        anchors.fill: parent
        color: Theme.background
    }

    MapTileLevels {
        id: tiles
        objectName: "mapTileLevels"

        anchors.fill: parent
        tileSource: root.tileSource
        night: root.night
        tileZoom: root.tileZoom
        mapZoom: root.zoom
        centerMx: root.centerMx
        centerMy: root.centerMy
        focusX: root.focusX
        focusY: root.focusY
        bearing: root.bearing
        rotatable: root.headingUp || root.bearing !== 0
    }

    // -- route, POIs and the car, turned with the map ----------------------------------------

    Item {
        id: overlay

        // Positions inside are relative to an anchor point, so numbers stay small at street zoom.
        property real anchorMx: 0.5
        property real anchorMy: 0.5
        property var routePoints: []
        property real routeZoom: 15

        function reanchorIfFar() {
            if (Math.hypot(root.centerMx - anchorMx, root.centerMy - anchorMy) * root.worldPx > 100000) {
                anchorMx = root.centerMx;
                anchorMy = root.centerMy;
                rebuildRoute();
            }
        }

        function rebuildRoute() {
            const z = Math.round(root.zoom);
            const px = 256 * Math.pow(2, z);
            const points = [];
            for (const p of root.routePath || [])
                points.push(Qt.point((MapMath.mercX(p.lon) - anchorMx) * px, (MapMath.mercY(p.lat) - anchorMy) * px));
            routeZoom = z;
            routePoints = points;
        }

        function rebuildRouteIfStale() {
            if (routePoints.length > 0 && Math.abs(root.zoom - routeZoom) > 2)
                Qt.callLater(rebuildRoute);
        }

        anchors.fill: parent
        transform: Rotation { origin.x: root.focusX; origin.y: root.focusY; angle: -root.bearing }
        Component.onCompleted: {
            anchorMx = root.centerMx;
            anchorMy = root.centerMy;
            rebuildRoute();
        }

        Item {
            x: root.focusX - (root.centerMx - overlay.anchorMx) * root.worldPx
            y: root.focusY - (root.centerMy - overlay.anchorMy) * root.worldPx

            MapRouteLine {
                objectName: "mapRoute"
                points: overlay.routePoints
                pointsZoom: overlay.routeZoom
                mapZoom: root.zoom
            }

            Repeater {
                id: poiRepeater

                model: root.pois

                delegate: PoiMarker {
                    required property int poiId
                    required property real lat
                    required property real lon
                    required category
                    required name

                    objectName: "poi_" + poiId
                    x: (MapMath.mercX(lon) - overlay.anchorMx) * root.worldPx - width / 2
                    y: (MapMath.mercY(lat) - overlay.anchorMy) * root.worldPx - height / 2
                    width: implicitWidth
                    height: implicitHeight
                    rotation: root.bearing   // upright on a turned map
                    highlighted: poiId === root.highlightPoiId
                    z: highlighted ? 1 : 0
                }
            }

            CarMarker {
                objectName: "carMarker"
                x: (MapMath.mercX(car.lon) - overlay.anchorMx) * root.worldPx - width / 2
                y: (MapMath.mercY(car.lat) - overlay.anchorMy) * root.worldPx - height / 2
                width: implicitWidth
                height: implicitHeight
                z: 2
                visible: car.known
                valid: root.carValid
                heading: car.heading
            }
        }
    }

    onRoutePathChanged: overlay.rebuildRoute()

    Rectangle {
        objectName: "mapAttribution"
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        width: attributionText.implicitWidth + Sizes.spacing
        height: attributionText.implicitHeight + 4
        visible: root.attribution.length > 0
        color: Qt.rgba(Theme.surface.r, Theme.surface.g, Theme.surface.b, 0.8)

        Text {
            id: attributionText

            anchors.centerIn: parent
            text: root.attribution
            color: Theme.textMuted
            font.pixelSize: Math.max(10, Math.round(Sizes.fontCaption * 0.75))
        }
    }
}
