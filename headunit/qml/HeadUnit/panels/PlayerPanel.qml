pragma ComponentBehavior: Bound
import QtQuick
import HeadUnit

// The full player: a big cover, title, artist and album, the position bar with elapsed and
// remaining time, previous / play-pause / next between shuffle and repeat, one line for
// "connecting" or what went wrong, and the queue beside it when there is room (or always
// hidden with showQueue: false). Plain properties in, signals out.
Item {
    id: root

    property string title
    property string artist
    property string album
    property string coverUrl
    property string sourceKind              // library | stream | ""
    property bool playing: false
    property bool loading: false
    property int positionMs: 0
    property int durationMs: 0              // 0: unknown (a live stream)
    property bool seekable: false
    property bool shuffle: false
    property string repeatMode: "off"       // off | all | one
    property bool canNext: false
    property bool canPrevious: false
    property string error
    property var queueModel: null           // roles title, artist, current (play order)
    property bool showQueue: root.width >= Sizes.dp(1400) && root.queueModel !== null

    signal togglePlayRequested()
    signal nextRequested()
    signal previousRequested()
    signal seekRequested(int ms)
    signal shuffleRequested(bool on)
    signal repeatRequested()                // the next of off -> all -> one
    signal queueItemRequested(int index)

    readonly property bool live: root.sourceKind === "stream" && root.durationMs <= 0
    readonly property real playSize: Math.round(Sizes.touchTarget * 1.25)

    function clock(ms) {
        const total = Math.max(0, Math.floor(ms / 1000));
        const h = Math.floor(total / 3600);
        const m = Math.floor(total / 60) % 60;
        const s = total % 60;
        const ss = (s < 10 ? "0" : "") + s;
        return h > 0 ? h + ":" + (m < 10 ? "0" : "") + m + ":" + ss : m + ":" + ss;
    }

    function repeatName(mode) {
        switch (mode) {
        case "all": return qsTr("Repeat all: on");
        case "one": return qsTr("Repeat this track: on");
        default: return qsTr("Repeat: off");
        }
    }

    CoverArt {
        id: cover
        objectName: "playerCover"
        anchors.left: parent.left
        anchors.verticalCenter: parent.verticalCenter
        width: Math.max(Sizes.touchTarget, Math.min(root.height, (root.width - queue.width) * 0.4))
        radius: Sizes.radius
        source: root.coverUrl
    }

    Item {
        id: info
        anchors.left: cover.right
        anchors.leftMargin: Sizes.margin * 1.5
        anchors.right: queue.visible ? queue.left : parent.right
        anchors.rightMargin: queue.visible ? Sizes.margin * 1.5 : 0
        anchors.verticalCenter: parent.verticalCenter
        height: Math.min(root.height, content.implicitHeight)

        Column {
            id: content
            width: parent.width
            spacing: Sizes.dp(8)

            Text {
                objectName: "playerTitle"
                width: parent.width
                text: root.title
                color: Theme.text
                font.pixelSize: Sizes.fontTitle
                font.bold: true
                elide: Text.ElideRight
            }
            Text {
                objectName: "playerArtist"
                width: parent.width
                visible: text.length > 0
                text: root.artist
                color: Theme.text
                font.pixelSize: Sizes.fontBody
                elide: Text.ElideRight
            }
            Text {
                objectName: "playerAlbum"
                width: parent.width
                visible: text.length > 0
                text: root.album
                color: Theme.textMuted
                font.pixelSize: Sizes.fontCaption
                elide: Text.ElideRight
            }

            SeekBar {
                id: seekBar
                objectName: "playerSeekBar"
                width: parent.width
                height: Sizes.touchTarget * 0.8
                value: root.positionMs
                to: root.live ? 0 : root.durationMs
                enabled: root.seekable && !root.live
                accessibleName: qsTr("Position")
                onSeekRequested: (ms) => root.seekRequested(ms)
            }

            Item {
                x: seekBar.handleSize / 2  // under the ends of the bar's track
                width: parent.width - seekBar.handleSize
                height: elapsed.implicitHeight

                Text {
                    id: elapsed
                    objectName: "playerElapsed"
                    text: root.clock(seekBar.shownValue)
                    color: Theme.textMuted
                    font.pixelSize: Sizes.fontCaption
                    font.features: { "tnum": 1 }
                }
                Text {
                    objectName: "playerRemaining"
                    anchors.right: parent.right
                    text: root.live ? qsTr("Live") : "-" + root.clock(root.durationMs - seekBar.shownValue)
                    color: root.live ? Theme.accent : Theme.textMuted
                    font.pixelSize: Sizes.fontCaption
                    font.bold: root.live
                    font.features: { "tnum": 1 }
                }
            }

            Row {
                id: transport
                anchors.horizontalCenter: parent.horizontalCenter
                spacing: Math.max(Sizes.dp(6), Math.min(Sizes.margin, (parent.width - 4 * Sizes.touchTarget - root.playSize) / 4))

                MediaButton {
                    objectName: "playerShuffle"
                    anchors.verticalCenter: parent.verticalCenter
                    glyph: "shuffle"
                    flat: !root.shuffle
                    checked: root.shuffle
                    enabled: root.sourceKind === "library"
                    accessibleName: root.shuffle ? qsTr("Shuffle: on") : qsTr("Shuffle: off")
                    onClicked: root.shuffleRequested(!root.shuffle)
                }
                MediaButton {
                    objectName: "playerPrevious"
                    anchors.verticalCenter: parent.verticalCenter
                    glyph: "previous"
                    enabled: root.canPrevious
                    accessibleName: qsTr("Previous track")
                    onClicked: root.previousRequested()
                }
                MediaButton {
                    objectName: "playerToggle"
                    anchors.verticalCenter: parent.verticalCenter
                    width: root.playSize
                    height: width
                    glyph: root.playing || root.loading ? "pause" : "play"
                    primary: true
                    enabled: root.title.length > 0
                    accessibleName: root.playing || root.loading ? qsTr("Pause") : qsTr("Play")
                    onClicked: root.togglePlayRequested()
                }
                MediaButton {
                    objectName: "playerNext"
                    anchors.verticalCenter: parent.verticalCenter
                    glyph: "next"
                    enabled: root.canNext
                    accessibleName: qsTr("Next track")
                    onClicked: root.nextRequested()
                }
                MediaButton {
                    objectName: "playerRepeat"
                    anchors.verticalCenter: parent.verticalCenter
                    glyph: root.repeatMode === "one" ? "repeat_one" : "repeat"
                    flat: root.repeatMode === "off"
                    checked: root.repeatMode !== "off"
                    enabled: root.title.length > 0 && !root.live
                    accessibleName: root.repeatName(root.repeatMode)
                    onClicked: root.repeatRequested()
                }
            }

            Text {
                objectName: "playerStatus"
                width: parent.width
                height: Math.max(implicitHeight, Sizes.fontBody * 1.3)
                horizontalAlignment: Text.AlignHCenter
                text: root.error.length > 0 ? root.error : (root.loading ? qsTr("Connecting…") : "")
                color: root.error.length > 0 ? Theme.critical : Theme.textMuted
                font.pixelSize: Sizes.fontBody
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
        }
    }

    Rectangle {
        id: queue
        objectName: "playerQueue"
        visible: root.showQueue
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        width: visible ? Math.min(Sizes.dp(460), root.width * 0.3) : 0
        radius: Sizes.radius
        color: Theme.surface
        border.color: Theme.divider
        border.width: 1
        clip: true

        Text {
            id: queueTitle
            anchors.left: parent.left
            anchors.top: parent.top
            anchors.margins: Sizes.margin
            text: qsTr("Queue")
            color: Theme.textMuted
            font.pixelSize: Sizes.fontCaption
            font.bold: true
        }

        ListView {
            id: queueList
            objectName: "playerQueueList"
            anchors.top: queueTitle.bottom
            anchors.topMargin: Sizes.dp(8)
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            anchors.bottomMargin: Sizes.dp(8)
            model: root.showQueue ? root.queueModel : null
            boundsBehavior: Flickable.StopAtBounds

            delegate: Item {
                id: row
                required property int index
                required property string title
                required property string artist
                required property bool current

                objectName: "queueRow_" + index
                width: ListView.view.width
                height: Sizes.touchTarget
                Accessible.role: Accessible.Button
                Accessible.name: row.artist.length > 0 ? qsTr("%1 by %2").arg(row.title).arg(row.artist) : row.title
                Accessible.onPressAction: root.queueItemRequested(row.index)

                Rectangle {
                    anchors.fill: parent
                    anchors.leftMargin: Sizes.dp(6)
                    anchors.rightMargin: Sizes.dp(6)
                    radius: Sizes.radius / 2
                    color: rowTap.pressed ? Theme.surfacePressed : (row.current ? Theme.accentSoft : "transparent")
                }
                Column {
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.leftMargin: Sizes.margin
                    anchors.rightMargin: Sizes.margin
                    anchors.verticalCenter: parent.verticalCenter
                    Text {
                        width: parent.width
                        text: row.title
                        color: row.current ? Theme.accent : Theme.text
                        font.pixelSize: Sizes.fontBody
                        font.bold: row.current
                        elide: Text.ElideRight
                    }
                    Text {
                        width: parent.width
                        visible: text.length > 0
                        text: row.artist
                        color: Theme.textMuted
                        font.pixelSize: Sizes.fontCaption
                        elide: Text.ElideRight
                    }
                }
                TapHandler {
                    id: rowTap
                    onTapped: root.queueItemRequested(row.index)
                }
            }
        }
    }
}
