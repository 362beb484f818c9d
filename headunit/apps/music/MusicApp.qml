import QtQuick
import HeadUnit

// The built-in Music app: the local library (host.library) to browse and play from;
// playing itself is the head unit's one audio player, shown by the now-playing bar.
Item {
    id: root

    property QtObject host

    readonly property QtObject library: root.host ? root.host.library : null

    MusicLibraryPanel {
        objectName: "musicLibraryPanel"
        anchors.fill: parent
        view: root.library ? root.library.view : "artists"
        tab: root.library ? root.library.tab : "artists"
        title: root.library ? root.library.title : ""
        canGoBack: root.library ? root.library.canGoBack : false
        artists: root.library ? root.library.artists : null
        albums: root.library ? root.library.albums : null
        songs: root.library ? root.library.songs : null
        scanning: root.library ? root.library.scanning : false
        trackCount: root.library ? root.library.trackCount : 0
        lastScanText: root.library ? root.library.lastScanText : ""
        limitedText: root.library ? root.library.limitedText : ""

        onTabChosen: (name) => {
            if (!root.library)
                return;
            if (name === "albums")
                root.library.showAlbums();
            else if (name === "songs")
                root.library.showSongs();
            else
                root.library.showArtists();
        }
        onArtistChosen: (name) => { if (root.library) root.library.openArtist(name); }
        onAlbumChosen: (title, artist) => { if (root.library) root.library.openAlbum(title, artist); }
        onSongChosen: (row) => { if (root.library) root.library.playSong(row); }
        onBackRequested: { if (root.library) root.library.back(); }
        onPlayAllRequested: { if (root.library) root.library.playAll(); }
        onShuffleRequested: { if (root.library) root.library.shuffleAll(); }
    }
}
