import QtQuick
import HeadUnit

// MapCanvas's car: the shown position glides from one update of the car's
// position to the next (over the time between them), and in follow mode the map
// moves with it (and turns with the heading when heading-up). animateToCar()
// brings the view back to the car; north-up turns the map back to north.
QtObject {
    id: root

    required property Item canvas

    property real lat: 0        // the car as shown, between two updates
    property real lon: 0
    property real heading: 0
    property bool known: false
    readonly property bool recentring: moveAnim.running
    property double lastUpdate: 0

    function stop() {
        moveAnim.stop();
        bearingAnim.stop();
    }

    // A new position or heading arrived (called once per event loop turn).
    function carMoved() {
        const c = canvas;
        if (!c.carValid && !known)
            return;
        const now = Date.now();
        const gap = now - lastUpdate;
        lastUpdate = now;
        const jump = Math.hypot(MapMath.mercX(c.carLon) - MapMath.mercX(lon),
                                MapMath.mercY(c.carLat) - MapMath.mercY(lat)) * c.worldPx;
        if (!known || jump > 2 * Math.max(c.width, c.height) || gap > 2000) {
            carAnim.stop();
            lat = c.carLat;
            lon = c.carLon;
            heading = MapMath.mod(c.carHeading, 360);
            known = true;
            followStep();
            return;
        }
        const duration = Math.max(100, Math.min(1000, gap));
        latAnim.duration = duration;
        lonAnim.duration = duration;
        headingAnim.duration = duration;
        latAnim.to = c.carLat;
        lonAnim.to = c.carLon;
        headingAnim.to = MapMath.mod(c.carHeading, 360);
        carAnim.restart();
    }

    function followStep() {
        if (!canvas.following)
            return;
        canvas.centerLat = lat;
        canvas.centerLon = lon;
        if (canvas.headingUp)
            canvas.bearing = MapMath.mod(heading, 360);
    }
    onLatChanged: followStep()
    onLonChanged: followStep()
    onHeadingChanged: followStep()

    property ParallelAnimation carAnim: ParallelAnimation {
        NumberAnimation { id: latAnim; target: root; property: "lat" }
        NumberAnimation { id: lonAnim; target: root; property: "lon" }
        RotationAnimation {
            id: headingAnim

            target: root
            property: "heading"
            direction: RotationAnimation.Shortest
        }
    }

    // -- back to the car, and back to north ----------------------------------------------------

    property real moveProgress: 0
    property real moveFromMx: 0
    property real moveFromMy: 0
    property real moveFromBearing: 0
    property real moveTurn: 0

    function animateToCar() {
        if (!known)
            return;
        canvas.stopMotion();
        moveFromMx = canvas.centerMx;
        moveFromMy = canvas.centerMy;
        moveFromBearing = canvas.bearing;
        moveTurn = MapMath.turn(canvas.bearing, canvas.headingUp ? heading : 0);
        moveAnim.restart();
    }

    function turnNorth() {
        bearingAnim.restart();
    }

    property NumberAnimation moveAnim: NumberAnimation {
        target: root
        property: "moveProgress"
        from: 0
        to: 1
        duration: 450
        easing.type: Easing.InOutCubic
        onFinished: root.followStep()
    }
    onMoveProgressChanged: {
        if (!moveAnim.running)
            return;
        const toMx = MapMath.mercX(lon), toMy = MapMath.mercY(lat);
        canvas.setCenterMerc(moveFromMx + (toMx - moveFromMx) * moveProgress,
                             moveFromMy + (toMy - moveFromMy) * moveProgress);
        canvas.bearing = MapMath.mod(moveFromBearing + moveTurn * moveProgress, 360);
    }

    property RotationAnimation bearingAnim: RotationAnimation {
        target: root.canvas
        property: "bearing"
        to: 0
        duration: 350
        direction: RotationAnimation.Shortest
    }
}
