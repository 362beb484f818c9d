import QtQuick
import HeadUnit

// The map area: the offline map with the car, search and the nearest-POI buttons,
// the picked POI's details, and route guidance. `map` is a MapStore, `search` a
// MapSearchStore, `route` a RouteStore and `restrictions` a RestrictionsStore;
// typed as QtObject because their types register after the first frame (Main.qml).
// `liveData` (a LiveDataStore, may be null) has the backend's live data of the selection.
Item {
    id: root

    required property QtObject map
    required property QtObject search
    required property QtObject route
    required property QtObject restrictions
    property QtObject liveData: null
    property QtObject pay: null           // PayStore: reserve and pay (null when payments are off)
    property QtObject reservations: null  // ReservationsStore: My reservations
    property bool showReservations: false
    property var flowPoi: ({})            // the map POI the reserve-and-pay flow started from
    readonly property bool flowActive: root.pay !== null && root.pay.active

    // What --screenshot waits for: the map's tiles are on screen and have stayed so for a
    // moment (the view's centre and size arrive in several bindings at start).
    readonly property bool settled: root.map.state === "unavailable" || tilesSettled
    property bool tilesSettled: false
    readonly property bool tilesShown: root.map.state === "ready" && canvas.tilesReady
    onTilesShownChanged: {
        tilesSettled = false;
        if (tilesShown)
            settleTimer.restart();
    }
    Timer { id: settleTimer; interval: 150; onTriggered: root.tilesSettled = root.tilesShown }

    // The live data shown belongs to the selected POI (it lags a new selection by a moment).
    readonly property bool liveMatches: root.liveData !== null && root.liveData.poiId !== ""
                                        && root.liveData.poiId === (root.map.selection.backendPoiId || "")
    readonly property bool showResults: root.search.mode !== "" && !root.map.hasSelection
    readonly property int sideWidth: Math.min(Math.max(width * 0.4, Sizes.dp(440)),
                                              width - 3 * Sizes.margin - Sizes.touchTarget)

    clip: true
    Component.onCompleted: root.map.open()

    EmptyState {
        anchors.fill: parent
        visible: root.map.state !== "ready"
        iconName: "map"
        title: root.map.state === "unavailable" ? qsTr("No map") : qsTr("Map")
        message: root.map.stateText
    }

    MapCanvas {
        id: canvas
        objectName: "mapCanvas"
        anchors.fill: parent
        visible: root.map.state === "ready"
        tileSource: root.map.tileSource
        night: Theme.night
        attribution: root.map.attribution
        followCar: root.map.followCar
        headingUp: root.map.headingUp
        carValid: root.map.carValid
        carLat: root.map.carLat
        carLon: root.map.carLon
        carHeading: root.map.carHeading
        centerLat: root.map.carLat
        centerLon: root.map.carLon
        zoom: 16
        pois: root.map.pois
        highlightPoiId: root.route.active ? root.route.destinationPoiId
                        : root.map.hasSelection ? root.map.selection.poiId : -1
        routePath: root.route.path
        onUserMoved: root.map.followCar = false
        onTapped: (lat, lon) => root.map.selectPoint(lat, lon)
        onPoiTapped: (poiId) => root.map.selectPoi(poiId)
        onViewportChanged: (minLat, minLon, maxLat, maxLon, zoom) =>
                           root.map.setViewport(minLat, minLon, maxLat, maxLon, zoom)
    }

    GuidancePanel {
        id: guidance
        objectName: "guidance"
        visible: root.map.state === "ready" && root.route.active
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.margins: Sizes.margin
        width: root.sideWidth
        nextIcon: root.route.nextManeuver.icon || "straight"
        nextText: root.route.nextManeuver.text || ""
        nextDistanceM: root.route.nextManeuver.distanceM || 0
        remainingM: root.route.remainingM
        remainingS: root.route.remainingS
        arrived: root.route.arrived
        rerouting: root.route.computing
        destinationName: root.route.destinationName
        maneuvers: root.route.maneuvers
        onCancelRequested: root.route.cancel()
    }

    MapSearchPanel {
        id: searchBar
        objectName: "mapSearch"
        visible: root.map.state === "ready" && !root.route.active
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.margins: Sizes.margin
        width: root.sideWidth
        keyboardAllowed: root.restrictions.keyboardAllowed
        activeMode: root.search.mode
        onTextEdited: (text) => root.search.search(text)
        onNearestRequested: (category) => { searchBar.clearText(); root.map.clearSelection(); root.search.nearest(category); }
        onCleared: { root.search.clear(); root.map.clearSelection(); }
    }

    PoiListPanel {
        objectName: "mapResults"
        visible: root.map.state === "ready" && root.showResults && !root.route.active
        anchors.top: searchBar.bottom
        anchors.topMargin: Sizes.spacing
        anchors.left: searchBar.left
        width: root.sideWidth
        height: Math.min(implicitHeight, root.height - searchBar.height - 3 * Sizes.margin - attributionSpace.height)
        model: root.search.results
        busy: root.search.busy
        message: root.search.message
        title: root.search.mode === "search" ? qsTr("Places") : root.search.mode === "parking"
               ? qsTr("Nearest parking") : root.search.mode === "fuel" ? qsTr("Nearest fuel")
               : qsTr("Nearest charging")
        onPoiChosen: (poiId) => root.map.selectPoi(poiId)
    }

    PoiDetailsPanel {
        objectName: "poiDetails"
        visible: root.map.state === "ready" && root.map.hasSelection && !root.route.active && !root.flowActive
                 && !root.showReservations
        anchors.top: searchBar.bottom
        anchors.topMargin: Sizes.spacing
        anchors.left: searchBar.left
        width: root.sideWidth
        poi: root.map.selection
        routing: root.route.computing
        routeMessage: root.route.message
        liveAvailable: root.liveMatches && root.liveData.available
        liveLoading: root.liveMatches && root.liveData.loading
        liveStale: root.liveMatches && root.liveData.stale
        liveAvailability: root.liveMatches ? root.liveData.availabilityText : ""
        livePrice: root.liveMatches ? root.liveData.priceText : ""
        liveAsOf: root.liveMatches ? root.liveData.asOfText : ""
        liveError: root.liveMatches ? root.liveData.errorText : ""
        bookable: root.pay !== null && ["parking", "fuel", "charging"].indexOf(root.map.selection.category) >= 0
        bookReady: root.liveMatches && root.liveData.available
        onBookRequested: {
            root.flowPoi = root.map.selection;
            root.pay.open(root.map.selection.backendPoiId);
        }
        onRouteRequested: {
            const target = root.map.selection;
            if (target.poiId >= 0)
                root.route.routeToPoi(target.poiId);
            else
                root.route.routeTo(target.lat, target.lon, target.name || "");
        }
        onClosed: root.map.clearSelection()
    }

    MapControlsPanel {
        objectName: "mapControls"
        visible: root.map.state === "ready"
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Sizes.margin
        anchors.bottomMargin: Sizes.margin + attributionSpace.height
        following: root.map.followCar
        headingUp: root.map.headingUp
        carValid: root.map.carValid
        onZoomInRequested: canvas.zoomBy(1)
        onZoomOutRequested: canvas.zoomBy(-1)
        onRecentreRequested: { root.map.followCar = true; canvas.recentre(); }
        onOrientationToggled: root.map.headingUp = !root.map.headingUp
        reservationsAvailable: root.reservations !== null && !root.flowActive && !root.showReservations
        onReservationsRequested: { root.showReservations = true; root.reservations.reload(); root.reservations.reconcile(); }
    }

    readonly property real cardHeight: root.height - 2 * Sizes.margin - attributionSpace.height

    Loader {
        objectName: "reserveFlow"
        active: root.flowActive
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.margins: Sizes.margin
        width: Math.min(parent.width - 2 * Sizes.margin, Math.max(root.sideWidth, Sizes.dp(560), Sizes.scale < 0.8 ? parent.width * 0.66 : 0))
        height: root.cardHeight
        sourceComponent: Component {
            ReserveFlowView {
                store: root.pay
                maxItems: root.restrictions.maxListItems
            }
        }
    }

    Loader {
        objectName: "reservationsLoader"
        active: root.showReservations && root.reservations !== null
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.margins: Sizes.margin
        width: Math.min(parent.width - 2 * Sizes.margin, Math.max(root.sideWidth, Sizes.dp(560), Sizes.scale < 0.8 ? parent.width * 0.66 : 0))
        height: root.cardHeight
        sourceComponent: Component {
            ReservationsPanel {
                objectName: "reservations"
                model: root.reservations.model
                online: root.reservations.online
                asOfText: root.reservations.asOfText
                maxItems: root.restrictions.maxListItems
                onCancelRequested: (localId) => root.reservations.cancel(localId)
                onRefundRequested: (localId) => root.reservations.refund(localId)
                onNavigateRequested: (localId) => root.reservations.navigate(localId)
                onPayRequested: (localId) => root.reservations.pay(localId)
                onClosed: root.showReservations = false
            }
        }
    }

    Connections {
        target: root.pay
        ignoreUnknownSignals: true
        function onNavigateRequested(poiId) {
            if (root.flowPoi.poiId !== undefined && root.flowPoi.poiId >= 0)
                root.route.routeToPoi(root.flowPoi.poiId);
        }
        function onReservationsRequested() { root.showReservations = true; root.reservations.reload(); }
    }
    Connections {
        target: root.reservations
        ignoreUnknownSignals: true
        function onNavigateRequested(lat, lon, name) {
            root.showReservations = false;
            root.route.routeTo(lat, lon, name);
        }
        function onPayRequested(localId) {
            root.showReservations = false;
            root.flowPoi = ({});
            root.pay.resume(localId);
        }
    }

    Item { id: attributionSpace; height: Sizes.fontCaption + Sizes.spacing }
}
