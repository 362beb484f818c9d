<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AppsView</name>
    <message>
        <source>No apps installed</source>
        <translation>未安装应用</translation>
    </message>
    <message>
        <source>Partner apps you install appear here.</source>
        <translation>已安装的合作应用将显示在此处。</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>媒体</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Apps</source>
        <translation>应用</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <source>Offline map, search and routing</source>
        <translation>离线地图、搜索和路线规划</translation>
    </message>
    <message>
        <source>Nothing playing</source>
        <translation>未在播放</translation>
    </message>
    <message>
        <source>Range, doors, tyres and climate</source>
        <translation>续航、车门、轮胎和空调</translation>
    </message>
    <message>
        <source>Partner apps</source>
        <translation>合作应用</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Head unit</source>
        <translation>车机</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>No map installed</source>
        <translation>未安装地图</translation>
    </message>
    <message>
        <source>The offline map, place search and routing appear here once map data is installed on this unit.</source>
        <translation>本机安装地图数据后，此处将显示离线地图、地点搜索和路线规划。</translation>
    </message>
</context>
<context>
    <name>MediaView</name>
    <message>
        <source>No media sources yet</source>
        <translation>暂无媒体源</translation>
    </message>
    <message>
        <source>Music, radio, podcasts and video appear here once media sources are set up.</source>
        <translation>设置媒体源后，音乐、电台、播客和视频将显示在此处。</translation>
    </message>
</context>
<context>
    <name>NoticePanel</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Saved data comes from a newer software version and was left untouched. Settings and history are unavailable until the software is updated.</source>
        <translation>已保存的数据来自较新的软件版本，未作任何改动。软件更新前，设置和历史记录不可用。</translation>
    </message>
    <message>
        <source>Saved data could not be opened. Settings and history are unavailable.</source>
        <translation>无法打开已保存的数据。设置和历史记录不可用。</translation>
    </message>
</context>
<context>
    <name>StatusBarPanel</name>
    <message>
        <source>Parked</source>
        <translation>已驻车</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>静止</translation>
    </message>
    <message>
        <source>Driving</source>
        <translation>行驶中</translation>
    </message>
    <message>
        <source>No vehicle data</source>
        <translation>无车辆数据</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Network unknown</source>
        <translation>网络未知</translation>
    </message>
    <message>
        <source>Time %1</source>
        <translation>时间 %1</translation>
    </message>
    <message>
        <source>%1 km/h</source>
        <translation>%1 km/h</translation>
    </message>
    <message>
        <source>– km/h</source>
        <translation>– km/h</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>车速</translation>
    </message>
    <message>
        <source>%1 °C</source>
        <translation>%1 °C</translation>
    </message>
    <message>
        <source>– °C</source>
        <translation>– °C</translation>
    </message>
    <message>
        <source>Outside temperature</source>
        <translation>车外温度</translation>
    </message>
    <message>
        <source>Switch to day theme</source>
        <translation>切换到日间模式</translation>
    </message>
    <message>
        <source>Switch to night theme</source>
        <translation>切换到夜间模式</translation>
    </message>
</context>
<context>
    <name>VehicleView</name>
    <message>
        <source>No vehicle data</source>
        <translation>无车辆数据</translation>
    </message>
    <message>
        <source>Range, doors, windows, tyres and climate appear here once the vehicle is connected.</source>
        <translation>连接车辆后，续航、车门、车窗、轮胎和空调信息将显示在此处。</translation>
    </message>
</context>
</TS>
