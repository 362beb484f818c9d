pragma Singleton
import QtQuick

// Every colour of the head unit. Night keeps luminance low to avoid glare.
QtObject {
    id: root

    property bool night: false

    readonly property color background: night ? "#0B0E12" : "#E9EDF1"
    readonly property color surface: night ? "#161B22" : "#FFFFFF"
    readonly property color surfaceRaised: night ? "#1F2630" : "#F6F8FA"
    readonly property color surfacePressed: night ? "#2A3340" : "#D9E1E8"
    readonly property color divider: night ? "#2A323C" : "#CBD3DB"
    readonly property color text: night ? "#E6EAEE" : "#101418"
    readonly property color textMuted: night ? "#8F9AA6" : "#525D68"
    readonly property color accent: night ? "#5AA2FF" : "#0A63C9"
    readonly property color accentText: night ? "#0B0E12" : "#FFFFFF"
    readonly property color accentSoft: night ? "#1B3150" : "#D6E6FA"
    readonly property color good: night ? "#5CC689" : "#1E7F3A"
    readonly property color warning: night ? "#F2B84B" : "#B26A00"
    readonly property color critical: night ? "#FF6B6B" : "#C62828"
}
