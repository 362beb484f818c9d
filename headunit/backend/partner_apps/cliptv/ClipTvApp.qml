import QtQuick
import HeadUnit

// ClipTV (demo partner app): the head unit's videos through host.video (granted by
// "media.video"), shown in the head unit's VideoPanel under ClipTV's own bar. Not usable
// while moving: the launcher pauses it then, and the panel hides the picture anyway.
Item {
    id: root

    property QtObject host

    readonly property QtObject video: root.host ? root.host.video : null

    // the one video output goes to whichever video app is on screen
    function giveOutput() {
        if (root.video && root.visible)
            root.video.setVideoOutput(panel.videoOutput);
    }

    onVideoChanged: root.giveOutput()
    onVisibleChanged: {
        if (root.visible)
            root.giveOutput();
        else if (root.video)
            root.video.pause();
    }
    Component.onCompleted: root.giveOutput()

    Rectangle {
        id: bar
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: Sizes.touchTarget
        color: Theme.accent

        Text {
            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                      leftMargin: Sizes.margin; rightMargin: Sizes.margin }
            text: qsTr("ClipTV")
            color: Theme.accentText
            font.pixelSize: Sizes.fontTitle
            font.bold: true
            elide: Text.ElideRight
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
    }

    VideoPanel {
        id: panel
        objectName: "clipTvPanel"
        anchors { left: parent.left; right: parent.right; top: bar.bottom; bottom: parent.bottom }
        visible: root.video !== null
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

    EmptyState {
        objectName: "clipTvEmpty"
        anchors { left: parent.left; right: parent.right; top: bar.bottom; bottom: parent.bottom }
        visible: root.video === null
        iconName: "media"
        title: qsTr("No videos")
        message: qsTr("This head unit does not offer videos to apps.")
    }
}
