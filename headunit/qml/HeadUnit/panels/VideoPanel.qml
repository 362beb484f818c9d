import QtQuick
import QtQuick.Shapes
import QtMultimedia
import HeadUnit

// The video app's screen: the list of clips, or the open clip with its picture (parked
// only). A tap on the picture shows or hides the controls (play/pause, seek bar, close).
// While driving the picture is gone and a card says why; the store decides, this shows it.
// `videoOutput` is the item the player draws into (handed to the store by the app).
Rectangle {
    id: root

    property var videos: null
    property bool hasVideo: false
    property string title
    property bool playing: false
    property int positionMs: 0
    property int durationMs: 0
    property bool seekable: true
    property bool pictureAllowed: true
    property bool pausedForDriving: false
    property string message
    property string error
    property bool loading: false

    readonly property alias videoOutput: output
    property bool controlsShown: true

    signal openRequested(int index)
    signal playRequested()
    signal pauseRequested()
    signal seekRequested(int ms)
    signal closeRequested()

    function timeText(ms) {
        if (ms < 0 || isNaN(ms))
            return "–:––";
        const s = Math.floor(ms / 1000);
        const h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60, r = s % 60;
        const mm = h > 0 && m < 10 ? "0" + m : "" + m;
        return (h > 0 ? h + ":" : "") + mm + ":" + (r < 10 ? "0" + r : r);
    }

    color: Theme.surface

    onHasVideoChanged: root.controlsShown = true
    onPlayingChanged: if (root.playing) hideTimer.restart()

    // -- the list of clips ---------------------------------------------------------------
    Item {
        id: listPage
        anchors.fill: parent
        visible: !root.hasVideo

        Column {
            id: listHeader
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.margins: Sizes.margin
            spacing: Sizes.spacing

            Text {
                width: parent.width
                text: qsTr("Videos")
                color: Theme.text
                font.pixelSize: Sizes.fontTitle
                font.bold: true
                elide: Text.ElideRight
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Text {
                objectName: "listMessage"
                width: parent.width
                visible: text.length > 0
                text: root.error.length > 0 ? root.error : root.message
                color: root.error.length > 0 ? Theme.critical : Theme.warning
                font.pixelSize: Sizes.fontBody
                wrapMode: Text.Wrap
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
        }
        ListView {
            id: list
            objectName: "videoList"
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: listHeader.bottom
            anchors.bottom: parent.bottom
            anchors.margins: Sizes.margin
            anchors.topMargin: Sizes.spacing
            clip: true
            model: root.videos
            boundsBehavior: Flickable.StopAtBounds
            spacing: Sizes.spacing / 2

            delegate: Rectangle {
                id: row
                required property int index
                required property string title
                required property string durationText
                objectName: "video_" + index
                width: ListView.view.width
                height: Sizes.touchTarget + Sizes.spacing
                radius: Sizes.radius / 2
                color: rowTap.pressed ? Theme.surfacePressed : Theme.surfaceRaised
                border.color: Theme.divider
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Play %1").arg(row.title)
                Accessible.onPressAction: root.openRequested(row.index)

                Rectangle {
                    id: thumb
                    anchors.left: parent.left
                    anchors.leftMargin: Sizes.spacing
                    anchors.verticalCenter: parent.verticalCenter
                    height: parent.height - Sizes.spacing
                    width: height * 16 / 9
                    radius: Sizes.radius / 3
                    color: Theme.accentSoft
                    PlayGlyph {
                        anchors.centerIn: parent
                        width: parent.height * 0.5
                        height: width
                        colour: Theme.accent
                    }
                }
                Text {
                    anchors.left: thumb.right
                    anchors.leftMargin: Sizes.spacing
                    anchors.right: length.left
                    anchors.rightMargin: Sizes.spacing
                    anchors.verticalCenter: parent.verticalCenter
                    text: row.title
                    color: Theme.text
                    font.pixelSize: Sizes.fontBody
                    elide: Text.ElideRight
                }
                Text {
                    id: length
                    anchors.right: parent.right
                    anchors.rightMargin: Sizes.margin
                    anchors.verticalCenter: parent.verticalCenter
                    text: row.durationText
                    color: Theme.textMuted
                    font.pixelSize: Sizes.fontCaption
                }
                TapHandler {
                    id: rowTap
                    gesturePolicy: TapHandler.ReleaseWithinBounds
                    onTapped: root.openRequested(row.index)
                }
            }
        }
        EmptyState {
            anchors.fill: list
            visible: list.count === 0
            iconName: "media"
            title: root.loading ? qsTr("Looking for videos…") : qsTr("No videos")
            message: root.loading ? "" : qsTr("Videos in the configured video folders appear here.")
        }
    }

    // -- the open clip ---------------------------------------------------------------------
    Rectangle {
        id: stage
        objectName: "videoStage"
        anchors.fill: parent
        visible: root.hasVideo
        color: "black"  // a picture's letterbox is black day and night

        VideoOutput {
            id: output
            objectName: "videoOutput"
            anchors.fill: parent
            fillMode: VideoOutput.PreserveAspectFit
            visible: root.pictureAllowed && root.error.length === 0
        }

        TapHandler {
            objectName: "stageTap"
            enabled: root.pictureAllowed && root.error.length === 0
            onTapped: {
                root.controlsShown = !root.controlsShown;
                if (root.controlsShown && root.playing)
                    hideTimer.restart();
            }
        }
        Timer {
            id: hideTimer
            interval: 4000
            onTriggered: if (root.playing) root.controlsShown = false
        }

        // title and close, on top
        Rectangle {
            id: topBar
            objectName: "topBar"
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            height: Sizes.touchTarget + 2 * Sizes.spacing
            color: Theme.surface
            opacity: 0.92
            visible: root.controlsShown || !root.pictureAllowed || root.error.length > 0

            Text {
                anchors.left: parent.left
                anchors.leftMargin: Sizes.margin
                anchors.right: closeButton.left
                anchors.rightMargin: Sizes.spacing
                anchors.verticalCenter: parent.verticalCenter
                text: root.title
                color: Theme.text
                font.pixelSize: Sizes.fontTitle
                font.bold: true
                elide: Text.ElideRight
            }
            RoundButton {
                id: closeButton
                objectName: "closeVideo"
                anchors.right: parent.right
                anchors.rightMargin: Sizes.spacing
                anchors.verticalCenter: parent.verticalCenter
                iconName: "close"
                accessibleName: qsTr("Close video")
                onClicked: root.closeRequested()
            }
        }

        // play/pause, position, seek bar, length, at the bottom
        Rectangle {
            id: bottomBar
            objectName: "controls"
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            height: Sizes.touchTarget + 2 * Sizes.spacing
            color: Theme.surface
            opacity: 0.92
            visible: root.controlsShown && root.pictureAllowed && root.error.length === 0

            Item {
                id: playPause
                objectName: "playPause"
                anchors.left: parent.left
                anchors.leftMargin: Sizes.spacing
                anchors.verticalCenter: parent.verticalCenter
                width: Sizes.touchTarget
                height: width
                Accessible.role: Accessible.Button
                Accessible.name: root.playing ? qsTr("Pause") : qsTr("Play")
                Accessible.onPressAction: root.playing ? root.pauseRequested() : root.playRequested()

                Rectangle {
                    anchors.fill: parent
                    radius: width / 2
                    color: playTap.pressed ? Theme.surfacePressed : Theme.accent
                }
                PlayGlyph {
                    anchors.centerIn: parent
                    width: parent.width * 0.5
                    height: width
                    paused: root.playing
                    colour: playTap.pressed ? Theme.text : Theme.accentText
                }
                TapHandler {
                    id: playTap
                    gesturePolicy: TapHandler.ReleaseWithinBounds
                    onTapped: {
                        root.playing ? root.pauseRequested() : root.playRequested();
                        hideTimer.restart();
                    }
                }
            }
            Text {
                id: positionText
                objectName: "positionText"
                anchors.left: playPause.right
                anchors.leftMargin: Sizes.spacing
                anchors.verticalCenter: parent.verticalCenter
                text: root.timeText(seekBar.dragging ? seekBar.dragMs : root.positionMs)
                color: Theme.text
                font.pixelSize: Sizes.fontCaption
                font.features: { "tnum": 1 }
            }
            Item {
                id: seekBar
                objectName: "seekBar"
                property bool dragging: drag.active
                property int dragMs: 0
                readonly property real fraction: root.durationMs > 0
                    ? Math.max(0, Math.min(1, (dragging ? dragMs : root.positionMs) / root.durationMs)) : 0

                function msAt(x) {
                    return Math.round(Math.max(0, Math.min(1, x / width)) * root.durationMs);
                }

                anchors.left: positionText.right
                anchors.right: lengthText.left
                anchors.leftMargin: Sizes.spacing
                anchors.rightMargin: Sizes.spacing
                anchors.verticalCenter: parent.verticalCenter
                height: Sizes.touchTarget
                enabled: root.seekable && root.durationMs > 0
                Accessible.role: Accessible.Slider
                Accessible.name: qsTr("Position")

                Rectangle {
                    id: track
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    height: Math.max(4, Sizes.dp(8))
                    radius: height / 2
                    color: Theme.surfacePressed
                    Rectangle {
                        width: parent.width * seekBar.fraction
                        height: parent.height
                        radius: parent.radius
                        color: Theme.accent
                    }
                }
                Rectangle {
                    x: seekBar.width * seekBar.fraction - width / 2
                    anchors.verticalCenter: parent.verticalCenter
                    width: Math.max(14, Sizes.dp(24))
                    height: width
                    radius: width / 2
                    color: Theme.accent
                    border.color: Theme.surface
                    border.width: 2
                }
                TapHandler {
                    gesturePolicy: TapHandler.ReleaseWithinBounds
                    onTapped: (point) => {
                        root.seekRequested(seekBar.msAt(point.position.x));
                        hideTimer.restart();
                    }
                }
                DragHandler {
                    id: drag
                    target: null
                    xAxis.enabled: true
                    yAxis.enabled: false
                    onCentroidChanged: if (active) seekBar.dragMs = seekBar.msAt(centroid.position.x)
                    onActiveChanged: {
                        if (!active)
                            root.seekRequested(seekBar.dragMs);
                        hideTimer.restart();
                    }
                }
            }
            Text {
                id: lengthText
                anchors.right: parent.right
                anchors.rightMargin: Sizes.margin
                anchors.verticalCenter: parent.verticalCenter
                text: root.timeText(root.durationMs)
                color: Theme.textMuted
                font.pixelSize: Sizes.fontCaption
                font.features: { "tnum": 1 }
            }
        }

        // while driving: no picture, a card that says why and what happens next
        Rectangle {
            id: drivingCard
            objectName: "drivingCard"
            anchors.centerIn: parent
            width: Math.min(parent.width - 2 * Sizes.margin, Sizes.dp(640))
            height: Math.min(parent.height - topBar.height - 2 * Sizes.spacing,
                             cardContent.implicitHeight + 2 * Sizes.margin)
            anchors.verticalCenterOffset: topBar.height / 2
            visible: !root.pictureAllowed && root.error.length === 0
            radius: Sizes.radius
            color: Theme.surface
            border.color: Theme.divider
            clip: true

            Column {
                id: cardContent
                anchors.centerIn: parent
                width: parent.width - 2 * Sizes.margin
                spacing: Sizes.spacing

                Rectangle {
                    anchors.horizontalCenter: parent.horizontalCenter
                    width: Sizes.iconLarge
                    height: width
                    radius: width / 2
                    color: Theme.accentSoft
                    PlayGlyph {
                        anchors.centerIn: parent
                        width: parent.width * 0.45
                        height: width
                        paused: true
                        colour: Theme.accent
                    }
                }
                Text {
                    objectName: "drivingMessage"
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    text: root.message.length > 0 ? root.message : qsTr("Video can only be played when the car is parked.")
                    color: Theme.text
                    font.pixelSize: Sizes.fontTitle
                    font.bold: true
                    wrapMode: Text.Wrap
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
            }
        }

    // a clip that cannot be played
        Rectangle {
            objectName: "errorCard"
            anchors.centerIn: parent
            width: Math.min(parent.width - 2 * Sizes.margin, Sizes.dp(640))
            height: errorColumn.implicitHeight + 2 * Sizes.margin
            visible: root.error.length > 0
            radius: Sizes.radius
            color: Theme.surface
            border.color: Theme.critical

            Column {
                id: errorColumn
                anchors.centerIn: parent
                width: parent.width - 2 * Sizes.margin
                spacing: Sizes.spacing
                Icon {
                    anchors.horizontalCenter: parent.horizontalCenter
                    width: Sizes.icon
                    height: width
                    name: "alert"
                    color: Theme.critical
                }
                Text {
                    objectName: "errorText"
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    text: root.error
                    color: Theme.text
                    font.pixelSize: Sizes.fontBody
                    wrapMode: Text.Wrap
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
            }
        }
    }

    // a play triangle, or a pause sign, drawn on a 24x24 grid
    component PlayGlyph: Item {
        id: glyph
        property bool paused: false
        property color colour: Theme.text
        Shape {
            anchors.centerIn: parent
            width: 24
            height: 24
            scale: Math.min(glyph.width, glyph.height) / 24
            preferredRendererType: Shape.CurveRenderer
            ShapePath {
                strokeWidth: -1
                strokeColor: "transparent"
                fillColor: glyph.colour
                PathSvg {
                    path: glyph.paused ? "M5 3 H10 V21 H5 Z M14 3 H19 V21 H14 Z" : "M6 3 L21 12 L6 21 Z"
                }
            }
        }
    }
}
