import QtQuick
import HeadUnit

// The player's position bar: a track, the played part and a round handle to drag (or tap a
// point to jump there). While dragging, the handle follows the finger and `value` updates
// from outside are not applied; `seekRequested(ms)` is sent once, on release.
Item {
    id: root

    property int value: 0          // ms
    property int to: 0             // ms; 0 = unknown length (a live stream): nothing to drag
    property string accessibleName

    signal seekRequested(int ms)

    readonly property bool dragging: drag.active
    readonly property int shownValue: root.dragging || root.held ? root.dragValue : root.value
    property int dragValue: 0
    property bool held: false      // between release and the store catching up (no jump back)

    readonly property real handleSize: Math.max(20, Sizes.dp(30))
    readonly property real fraction: root.to > 0 ? Math.max(0, Math.min(1, root.shownValue / root.to)) : 0

    function valueAt(x) {
        const span = root.width - root.handleSize;
        return span > 0 ? Math.round(Math.max(0, Math.min(1, (x - root.handleSize / 2) / span)) * root.to) : 0;
    }

    function finish(ms) {
        root.dragValue = ms;
        root.held = true;
        release.restart();
        root.seekRequested(ms);
    }

    implicitWidth: Sizes.dp(600)
    implicitHeight: Sizes.touchTarget
    opacity: root.enabled ? 1 : 0.4

    Accessible.role: Accessible.Slider
    Accessible.name: root.accessibleName
    Accessible.onIncreaseAction: root.finish(Math.min(root.to, root.value + 10000))
    Accessible.onDecreaseAction: root.finish(Math.max(0, root.value - 10000))

    Timer {
        id: release
        interval: 400
        onTriggered: root.held = false
    }

    Rectangle {
        id: track
        anchors.verticalCenter: parent.verticalCenter
        x: root.handleSize / 2
        width: root.width - root.handleSize
        height: Math.max(4, Sizes.dp(6))
        radius: height / 2
        color: Theme.divider

        Rectangle {
            width: parent.width * root.fraction
            height: parent.height
            radius: parent.radius
            color: Theme.accent
        }
    }

    Rectangle {
        id: handle
        objectName: "seekHandle"
        visible: root.to > 0
        anchors.verticalCenter: parent.verticalCenter
        x: track.width * root.fraction
        width: root.handleSize
        height: width
        radius: width / 2
        color: root.dragging ? Theme.accent : Theme.surface
        border.color: Theme.accent
        border.width: Math.max(2, Sizes.dp(3))
    }

    DragHandler {
        id: drag
        enabled: root.enabled && root.to > 0
        target: null
        xAxis.enabled: true
        yAxis.enabled: false
        onActiveChanged: {
            if (active)
                root.dragValue = root.valueAt(centroid.position.x);
            else
                root.finish(root.dragValue);
        }
        onCentroidChanged: if (active) root.dragValue = root.valueAt(centroid.position.x)
    }

    TapHandler {
        enabled: root.enabled && root.to > 0
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: (eventPoint) => root.finish(root.valueAt(eventPoint.position.x))
    }
}
