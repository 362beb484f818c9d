import QtQuick
import HeadUnit

// The built-in Radio app: the backend's stations, playlists and podcasts (host.radio),
// played by the head unit's one audio player (host.media), whose stream errors show here.
Item {
    id: root

    property QtObject host

    readonly property QtObject radio: root.host ? root.host.radio : null
    readonly property QtObject media: root.host ? root.host.media : null
    readonly property bool streaming: root.media !== null && root.media.sourceKind === "stream"

    RadioPanel {
        objectName: "radioPanel"
        anchors.fill: parent
        section: root.radio ? root.radio.section : "stations"
        items: root.radio ? root.radio.items : null
        message: root.radio ? root.radio.message : ""
        asOfText: root.radio ? root.radio.asOfText : ""
        offline: root.radio ? root.radio.offline : false
        loading: root.radio ? root.radio.loading : false
        hiddenCount: root.radio ? root.radio.hiddenCount : 0
        streamError: root.streaming ? root.media.error : ""
        streamLoading: root.streaming && root.media.loading

        onSectionChosen: (name) => { if (root.radio) root.radio.showSection(name); }
        onItemChosen: (row) => { if (root.radio) root.radio.play(row); }
        onRefreshRequested: { if (root.radio) root.radio.refresh(); }
    }
}
