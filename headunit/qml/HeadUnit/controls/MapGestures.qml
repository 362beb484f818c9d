import QtQuick
import HeadUnit

// MapCanvas's touch and mouse input: drag pans (then flings on with a decelerating
// animation), pinch zooms around the fingers, double tap zooms in around the tap,
// the wheel zooms around the pointer, a single tap goes to canvas.handleTap(). In
// follow mode zoom gestures keep the car where it is; a drag always leaves it
// (canvas.userMoved()). Fills the canvas, under its overlays.
Item {
    id: root

    required property Item canvas

    readonly property bool dragging: drag.active
    readonly property bool pinching: pinch.active
    readonly property bool moving: drag.active || pinch.active || flingAnim.running || zoomAnim.running

    function stop() {
        flingAnim.stop();
        zoomAnim.stop();
    }

    // -- drag and fling ---------------------------------------------------------------------

    DragHandler {
        id: drag

        property real startMx
        property real startMy

        target: null
        onActiveChanged: {
            if (active) {
                root.canvas.stopMotion();
                startMx = root.canvas.centerMx;
                startMy = root.canvas.centerMy;
                root.canvas.userMoved();
            } else {
                root.startFling(centroid.velocity.x, centroid.velocity.y);
            }
        }
        onActiveTranslationChanged: {
            if (!active)
                return;
            const d = MapMath.rotate(activeTranslation.x, activeTranslation.y, root.canvas.bearing);
            root.canvas.setCenterMerc(startMx - d.x / root.canvas.worldPx, startMy - d.y / root.canvas.worldPx);
        }
    }

    property real flingProgress: 0
    property real flingDx: 0
    property real flingDy: 0
    property real flingStartMx: 0
    property real flingStartMy: 0

    function startFling(vx, vy) {
        const speed = Math.hypot(vx, vy);
        if (speed < 150)
            return;
        const capped = Math.min(speed, 6000);
        const duration = Math.min(1600, capped / 3);     // decelerating at 3000 px/s^2
        const k = capped / speed * duration / 2000;       // distance = v * t / 2
        const d = MapMath.rotate(vx * k, vy * k, canvas.bearing);
        flingDx = d.x / canvas.worldPx;
        flingDy = d.y / canvas.worldPx;
        flingStartMx = canvas.centerMx;
        flingStartMy = canvas.centerMy;
        flingAnim.duration = duration;
        flingAnim.restart();
    }

    NumberAnimation {
        id: flingAnim

        target: root
        property: "flingProgress"
        from: 0
        to: 1
        easing.type: Easing.OutQuad   // starts at the finger's speed, slows to a stop
    }
    onFlingProgressChanged: {
        if (flingAnim.running)
            canvas.setCenterMerc(flingStartMx - flingDx * flingProgress, flingStartMy - flingDy * flingProgress);
    }

    // -- pinch, taps and the wheel --------------------------------------------------------------

    PinchHandler {
        id: pinch

        property real startZoom
        property real anchorMx
        property real anchorMy

        function update() {
            if (!active)
                return;
            root.canvas.zoom = root.canvas.clampZoom(startZoom + Math.log2(Math.max(1e-3, activeScale)));
            if (!root.canvas.following)
                root.canvas.keepPointAt(anchorMx, anchorMy, centroid.position.x, centroid.position.y);
        }

        target: null
        rotationAxis.enabled: false
        onActiveChanged: {
            if (!active)
                return;
            root.canvas.stopMotion();
            startZoom = root.canvas.zoom;
            const m = root.canvas.mercAt(centroid.position.x, centroid.position.y);
            anchorMx = m.mx;
            anchorMy = m.my;
            if (!root.canvas.following)
                root.canvas.userMoved();
        }
        onActiveScaleChanged: update()
        onCentroidChanged: update()
    }

    TapHandler {
        onPressedChanged: if (pressed) flingAnim.stop()
        onSingleTapped: (eventPoint, button) => root.canvas.handleTap(eventPoint.position.x, eventPoint.position.y)
        onDoubleTapped: (eventPoint, button) => {
            if (!root.canvas.following)
                root.canvas.userMoved();
            root.animateZoom(Math.round(root.canvas.zoom) + 1, eventPoint.position.x, eventPoint.position.y);
        }
    }

    WheelHandler {
        target: null
        acceptedDevices: PointerDevice.Mouse | PointerDevice.TouchPad
        onWheel: (event) => {
            root.canvas.stopMotion();
            if (!root.canvas.following)
                root.canvas.userMoved();
            root.canvas.zoomAround(root.canvas.zoom + event.angleDelta.y / 240, point.position.x, point.position.y);
        }
    }

    // -- animated zoom around a point -----------------------------------------------------------

    property real zoomProgress: 0
    property real zoomFrom: 0
    property real zoomTo: 0
    property real zoomAnchorX: 0
    property real zoomAnchorY: 0
    property real zoomAnchorMx: 0
    property real zoomAnchorMy: 0

    function animateZoom(target, x, y) {
        canvas.stopMotion();
        const m = canvas.mercAt(x, y);
        zoomFrom = canvas.zoom;
        zoomTo = canvas.clampZoom(target);
        zoomAnchorX = x;
        zoomAnchorY = y;
        zoomAnchorMx = m.mx;
        zoomAnchorMy = m.my;
        zoomAnim.restart();
    }

    NumberAnimation {
        id: zoomAnim

        target: root
        property: "zoomProgress"
        from: 0
        to: 1
        duration: 280
        easing.type: Easing.OutCubic
    }
    onZoomProgressChanged: {
        if (!zoomAnim.running)
            return;
        canvas.zoom = zoomFrom + (zoomTo - zoomFrom) * zoomProgress;
        if (!canvas.following)
            canvas.keepPointAt(zoomAnchorMx, zoomAnchorMy, zoomAnchorX, zoomAnchorY);
    }
}
