pragma ComponentBehavior: Bound
import QtQuick
import HeadUnit

// The Media area: the player for what is loaded, and a row of the media sources (Music,
// Radio, Video, partner media apps) that opens one; with nothing loaded, "Nothing playing"
// above those sources. `media` is the MediaStore and `apps` the AppsStore (its mediaApps
// model, roles appId, name, iconUrl, and launch(appId)); both typed QtObject because they
// register after the first frame, and `apps` may be null.
Item {
    id: root

    property QtObject media: null
    property QtObject apps: null

    readonly property bool hasTrack: root.media !== null && root.media.hasTrack
    readonly property int sourceCount: root.apps === null ? 0 : sourceRow.count

    Item {
        id: stage
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.bottom: sources.visible ? sources.top : parent.bottom
        anchors.margins: Sizes.margin

        PlayerPanel {
            objectName: "player"
            anchors.fill: parent
            visible: root.hasTrack
            title: root.media !== null ? root.media.title : ""
            artist: root.media !== null ? root.media.artist : ""
            album: root.media !== null ? root.media.album : ""
            coverUrl: root.media !== null ? root.media.coverUrl : ""
            sourceKind: root.media !== null ? root.media.sourceKind : ""
            playing: root.media !== null && root.media.playing
            loading: root.media !== null && root.media.loading
            positionMs: root.media !== null ? root.media.positionMs : 0
            durationMs: root.media !== null ? root.media.durationMs : 0
            seekable: root.media !== null && root.media.seekable
            shuffle: root.media !== null && root.media.shuffle
            repeatMode: root.media !== null ? root.media.repeatMode : "off"
            canNext: root.media !== null && root.media.canNext
            canPrevious: root.media !== null && root.media.canPrevious
            error: root.media !== null ? root.media.error : ""
            queueModel: root.media !== null ? root.media.queue : null
            onTogglePlayRequested: root.media.togglePlay()
            onNextRequested: root.media.next()
            onPreviousRequested: root.media.previous()
            onSeekRequested: (ms) => root.media.seek(ms)
            onShuffleRequested: (on) => root.media.setShuffle(on)
            onRepeatRequested: root.media.cycleRepeat()
            onQueueItemRequested: (index) => root.media.playQueueIndex(index)
        }

        EmptyState {
            objectName: "mediaEmpty"
            anchors.fill: parent
            visible: !root.hasTrack
            iconName: "media"
            title: qsTr("Nothing playing")
            message: root.sourceCount > 0 ? qsTr("Choose music, radio or video below.")
                                          : qsTr("Music, radio and video appear here once they are set up.")
        }
    }

    Rectangle {
        id: sources
        objectName: "mediaSources"
        visible: root.sourceCount > 0
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: visible ? Sizes.touchTarget * 1.25 + Sizes.fontCaption * 1.6 + 2 * Sizes.dp(8) : 0
        color: Theme.surface

        Rectangle {
            width: parent.width
            height: 1
            color: Theme.divider
        }

        ListView {
            id: sourceRow
            objectName: "mediaSourceRow"
            anchors.fill: parent
            anchors.topMargin: Sizes.dp(8)
            anchors.bottomMargin: Sizes.dp(8)
            anchors.leftMargin: Sizes.margin
            anchors.rightMargin: Sizes.margin
            orientation: ListView.Horizontal
            spacing: Sizes.margin
            boundsBehavior: Flickable.StopAtBounds
            model: root.apps !== null ? root.apps.mediaApps : null

            delegate: AppIcon {
                id: tile
                required property string appId
                required name
                required iconUrl

                objectName: "mediaSource_" + tile.appId
                width: Sizes.touchTarget * 1.6
                height: ListView.view.height
                iconSize: Sizes.touchTarget * 1.2
                onClicked: root.apps.launch(tile.appId)
            }
        }
    }
}
