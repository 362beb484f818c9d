import QtQuick
import HeadUnit

// The map frame benchmark's window: first the floor (a plain animated rectangle),
// then the real MapCanvas driven by a scripted pan and zoom. Frame intervals come
// from FrameAnimation.frameTime (measured with QElapsedTimer inside Qt), swaps are
// counted in frameSwapped. The time from tick to swap is taken in Python
// (map_frames.py), connected to this FrameAnimation ("frameTick") and frameSwapped.
Window {
    id: root

    property string tileSource
    property real seconds: 5
    property real floorSeconds: 1
    property real startLat: 60.1712
    property real startLon: 24.9435
    property string phase: "floor"      // floor -> map -> done
    property bool measuring: false
    property var floorIntervals: []
    property var intervals: []
    property int swaps: 0
    property int floorSwaps: 0

    signal finished()

    visible: true
    color: Theme.background

    onFrameSwapped: {
        if (!measuring)
            return;
        if (phase === "floor")
            floorSwaps += 1;
        else
            swaps += 1;
    }

    FrameAnimation {
        objectName: "frameTick"
        // the first tick after a start measures from the stop before it: skip it
        property bool first: true

        running: root.measuring
        onRunningChanged: first = true
        onTriggered: {
            if (first) {
                first = false;
                return;
            }
            (root.phase === "floor" ? root.floorIntervals : root.intervals).push(frameTime * 1000);
        }
    }

    Rectangle {
        id: floorBox

        visible: root.phase === "floor"
        width: 200
        height: 120
        y: 100
        color: Theme.accent

        NumberAnimation on x {
            running: root.phase === "floor"
            from: 0
            to: root.width - 200
            duration: 1000
            loops: Animation.Infinite
        }
    }

    Timer {
        interval: 100   // let the first frames settle
        running: root.phase === "floor"
        onTriggered: {
            root.measuring = true;
            floorTimer.start();
        }
    }

    Timer {
        id: floorTimer

        interval: root.floorSeconds * 1000
        onTriggered: {
            root.measuring = false;
            root.phase = "map";
        }
    }

    MapCanvas {
        id: canvas

        objectName: "benchCanvas"
        anchors.fill: parent
        visible: root.phase !== "floor"
        tileSource: root.phase === "floor" ? "" : root.tileSource
        centerLat: root.startLat
        centerLon: root.startLon
        zoom: 16
        onProviderReadyChanged: if (providerReady && root.phase === "map") startTimer.start()
    }

    Timer {
        id: startTimer

        interval: 0
        onTriggered: {
            root.measuring = true;
            script.start();
            stopTimer.start();
        }
    }

    Timer {
        id: stopTimer

        interval: root.seconds * 1000
        onTriggered: {
            script.stop();
            root.measuring = false;
            root.phase = "done";
            root.finished();
        }
    }

    // Pan about 1,100 px/s, zoom in by 1.5 levels, pan, zoom out by 3.5, pan, zoom back; repeat.
    SequentialAnimation {
        id: script

        loops: Animation.Infinite

        NumberAnimation {
            target: canvas; property: "centerLon"; to: root.startLon + 0.006; duration: 1000
            easing.type: Easing.InOutSine
        }
        NumberAnimation {
            target: canvas; property: "zoom"; to: 17.5; duration: 800; easing.type: Easing.InOutQuad
        }
        ParallelAnimation {
            NumberAnimation {
                target: canvas; property: "centerLon"; to: root.startLon - 0.002; duration: 800
                easing.type: Easing.InOutSine
            }
            NumberAnimation {
                target: canvas; property: "centerLat"; to: root.startLat - 0.0025; duration: 800
                easing.type: Easing.InOutSine
            }
        }
        NumberAnimation {
            target: canvas; property: "zoom"; to: 14; duration: 1000; easing.type: Easing.InOutQuad
        }
        NumberAnimation {
            target: canvas; property: "centerLat"; to: root.startLat + 0.004; duration: 700
            easing.type: Easing.InOutSine
        }
        ParallelAnimation {
            NumberAnimation {
                target: canvas; property: "zoom"; to: 16; duration: 700; easing.type: Easing.InOutQuad
            }
            NumberAnimation {
                target: canvas; property: "centerLat"; to: root.startLat; duration: 700
                easing.type: Easing.InOutSine
            }
            NumberAnimation {
                target: canvas; property: "centerLon"; to: root.startLon; duration: 700
                easing.type: Easing.InOutSine
            }
        }
    }
}
