pragma Singleton
import QtQuick

// Design once at 1280x720, scale to the screen (Neptune 3 UI's Sizes).
// Touch targets never shrink below about 9 mm on a 7" 800x480 panel.
QtObject {
    id: root

    property real windowWidth: 1280
    property real windowHeight: 720

    readonly property real scale: Math.min(windowWidth / 1280, windowHeight / 720)
    readonly property bool wide: windowWidth / windowHeight > 2.2

    function dp(value) {
        return Math.round(value * root.scale);
    }

    readonly property int touchTarget: Math.max(48, dp(72))
    readonly property int statusBarHeight: Math.max(56, dp(76))
    readonly property int railWidth: Math.max(72, dp(116))
    readonly property int margin: Math.max(8, dp(20))
    readonly property int spacing: Math.max(6, dp(14))
    readonly property int radius: Math.max(6, dp(16))
    readonly property int iconSmall: Math.max(20, dp(28))
    readonly property int icon: Math.max(26, dp(40))
    readonly property int iconLarge: Math.max(48, dp(88))

    readonly property int fontCaption: Math.max(12, dp(17))
    readonly property int fontBody: Math.max(15, dp(22))
    readonly property int fontTitle: Math.max(19, dp(30))
    readonly property int fontDisplay: Math.max(26, dp(44))
}
