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
    <name>CarTopViewPanel</name>
    <message>
        <source>front left</source>
        <translation>左前轮</translation>
    </message>
    <message>
        <source>front right</source>
        <translation>右前轮</translation>
    </message>
    <message>
        <source>rear left</source>
        <translation>左后轮</translation>
    </message>
    <message>
        <source>rear right</source>
        <translation>右后轮</translation>
    </message>
    <message>
        <source>kPa · low</source>
        <translation>kPa · 偏低</translation>
    </message>
    <message>
        <source>kPa</source>
        <translation>kPa</translation>
    </message>
    <message>
        <source>Tyre %1: %2 kPa</source>
        <translation>轮胎 %1：%2 kPa</translation>
    </message>
</context>
<context>
    <name>ClimatePanel</name>
    <message>
        <source>Off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>Level %1</source>
        <translation>%1 档</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>主驾</translation>
    </message>
    <message>
        <source>Passenger</source>
        <translation>副驾</translation>
    </message>
    <message>
        <source>Fan</source>
        <translation>风量</translation>
    </message>
    <message>
        <source>Seat L: %1</source>
        <translation>左座椅：%1</translation>
    </message>
    <message>
        <source>Seat R: %1</source>
        <translation>右座椅：%1</translation>
    </message>
</context>
<context>
    <name>EnergyPanel</name>
    <message>
        <source>Range</source>
        <translation>续航</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <source>Battery %1</source>
        <translation>电量 %1</translation>
    </message>
    <message>
        <source>Fuel %1</source>
        <translation>油量 %1</translation>
    </message>
    <message>
        <source>charging</source>
        <translation>充电中</translation>
    </message>
    <message>
        <source>charging, %1 min left</source>
        <translation>充电中，剩余 %1 分钟</translation>
    </message>
    <message>
        <source>Outside %1 · Cabin %2</source>
        <translation>车外 %1 · 车内 %2</translation>
    </message>
    <message>
        <source>Odometer %1</source>
        <translation>总里程 %1</translation>
    </message>
    <message>
        <source>Service: –</source>
        <translation>保养：–</translation>
    </message>
    <message>
        <source>Service due now</source>
        <translation>保养已到期</translation>
    </message>
    <message>
        <source>Service in %1 km</source>
        <translation>%1 km 后保养</translation>
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
    <name>PreheatPanel</name>
    <message>
        <source>Pre-heating the cabin</source>
        <translation>正在预热车内</translation>
    </message>
    <message>
        <source>Pre-heat scheduled for %1</source>
        <translation>已预约 %1 预热</translation>
    </message>
    <message>
        <source>Pre-heat</source>
        <translation>预热</translation>
    </message>
    <message>
        <source>Pre-heat now</source>
        <translation>立即预热</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>Minute</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Cancel scheduled pre-heat</source>
        <translation>取消预约预热</translation>
    </message>
    <message>
        <source>Schedule for %1:%2</source>
        <translation>预约 %1:%2</translation>
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
    <name>Stepper</name>
    <message>
        <source>Decrease %1</source>
        <translation>%1：调低</translation>
    </message>
    <message>
        <source>Increase %1</source>
        <translation>%1：调高</translation>
    </message>
</context>
<context>
    <name>VehicleFeed</name>
    <message>
        <source>Vehicle data unavailable: %1</source>
        <translation>车辆数据不可用：%1</translation>
    </message>
    <message>
        <source>The vehicle is not connected.</source>
        <translation>车辆未连接。</translation>
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
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Climate</source>
        <translation>空调</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <source>Not current: connection to the vehicle lost</source>
        <translation>数据非最新：与车辆的连接已断开</translation>
    </message>
</context>
<context>
    <name>VehicleWarnings</name>
    <message>
        <source>Fuel low: %1 % left</source>
        <translation>油量低：剩余 %1 %</translation>
    </message>
    <message>
        <source>Battery low: %1 % left</source>
        <translation>电量低：剩余 %1 %</translation>
    </message>
    <message>
        <source>Low tyre pressure, %1: %2 kPa</source>
        <translation>胎压低，%1：%2 kPa</translation>
    </message>
    <message>
        <source>Service due</source>
        <translation>需要保养</translation>
    </message>
    <message>
        <source>Vehicle data not current</source>
        <translation>车辆数据非最新</translation>
    </message>
    <message>
        <source>Signal out of range, not shown: %1</source>
        <translation>信号超出范围，未显示：%1</translation>
    </message>
    <message>
        <source>%1 open</source>
        <translation>%1未关</translation>
    </message>
    <message>
        <source>%1 open while moving</source>
        <translation>行驶中%1未关</translation>
    </message>
    <message>
        <source>front left</source>
        <translation>左前轮</translation>
    </message>
    <message>
        <source>front right</source>
        <translation>右前轮</translation>
    </message>
    <message>
        <source>rear left</source>
        <translation>左后轮</translation>
    </message>
    <message>
        <source>rear right</source>
        <translation>右后轮</translation>
    </message>
    <message>
        <source>Front driver&apos;s door</source>
        <translation>主驾车门</translation>
    </message>
    <message>
        <source>Front passenger&apos;s door</source>
        <translation>副驾车门</translation>
    </message>
    <message>
        <source>Rear door on the driver&apos;s side</source>
        <translation>主驾侧后车门</translation>
    </message>
    <message>
        <source>Rear door on the passenger&apos;s side</source>
        <translation>副驾侧后车门</translation>
    </message>
    <message>
        <source>Trunk</source>
        <translation>后备箱</translation>
    </message>
    <message>
        <source>Hood</source>
        <translation>引擎盖</translation>
    </message>
</context>
<context>
    <name>WarningsPanel</name>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>No warnings</source>
        <translation>无警告</translation>
    </message>
</context>
</TS>
