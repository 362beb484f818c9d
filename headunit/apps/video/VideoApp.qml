import QtQuick
import HeadUnit

// The built-in video app: VideoPanel over host.video (VideoStore). The panel's picture
// item is handed to the store, which gives it to the player only while video is allowed.
Item {
    id: root

    property QtObject host
    readonly property QtObject video: root.host ? root.host.video : null

    // the store has one picture output: it goes to whichever video app is on screen
    function giveOutput() {
        if (root.video && root.visible)
            root.video.setVideoOutput(panel.videoOutput);
    }

    onVideoChanged: root.giveOutput()
    Component.onCompleted: root.giveOutput()
    // nobody watches a hidden or closed app: its clip waits where it is (the store lets go
    // of the picture item when it is destroyed)
    onVisibleChanged: {
        if (root.visible)
            root.giveOutput();
        else if (root.video)
            root.video.pause();
    }
    Component.onDestruction: if (root.video) root.video.pause()

    VideoPanel {
        id: panel
        objectName: "videoPanel"
        anchors.fill: parent
        videos: root.video ? root.video.videos : null
        hasVideo: root.video ? root.video.hasVideo : false
        title: root.video ? root.video.title : ""
        playing: root.video ? root.video.playing : false
        positionMs: root.video ? root.video.positionMs : 0
        durationMs: root.video ? root.video.durationMs : 0
        seekable: root.video ? root.video.seekable : false
        pictureAllowed: root.video ? root.video.pictureAllowed : false
        pausedForDriving: root.video ? root.video.pausedForDriving : false
        message: root.video ? root.video.message : ""
        error: root.video ? root.video.error : ""
        loading: root.video ? root.video.loading : false

        onOpenRequested: (index) => root.video.open(index)
        onPlayRequested: root.video.play()
        onPauseRequested: root.video.pause()
        onSeekRequested: (ms) => root.video.seek(ms)
        onCloseRequested: root.video.close()
    }
}
