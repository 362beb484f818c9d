<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AppsStore</name>
    <message>
        <source>More apps can be added once the car is online.</source>
        <translation>车辆联网后即可添加更多应用。</translation>
    </message>
    <message>
        <source>Offline: the app catalogue needs a connection. Try again when online.</source>
        <translation>离线：应用目录需要网络连接。请在联网后重试。</translation>
    </message>
    <message>
        <source>Loading the app catalogue…</source>
        <translation>正在加载应用目录…</translation>
    </message>
    <message>
        <source>The app catalogue could not be loaded. Try again later.</source>
        <translation>无法加载应用目录。请稍后重试。</translation>
    </message>
    <message>
        <source>No partner apps are offered for this car yet.</source>
        <translation>此车辆暂无可用的合作应用。</translation>
    </message>
    <message>
        <source>Not installed: %1</source>
        <translation>未安装：%1</translation>
    </message>
    <message>
        <source>the package is not signed.</source>
        <translation>安装包未签名。</translation>
    </message>
    <message>
        <source>its signature does not match, so it may have been altered.</source>
        <translation>签名不匹配，安装包可能已被篡改。</translation>
    </message>
    <message>
        <source>this car has no key to check app packages with.</source>
        <translation>此车辆没有用于校验应用安装包的密钥。</translation>
    </message>
    <message>
        <source>it needs the permission “%1”, which this car does not grant.</source>
        <translation>该应用需要“%1”权限，但此车辆不授予该权限。</translation>
    </message>
    <message>
        <source>Not installed: no connection. Try again when online.</source>
        <translation>未安装：无网络连接。请在联网后重试。</translation>
    </message>
    <message>
        <source>Not installed: the download failed. Try again later.</source>
        <translation>未安装：下载失败。请稍后重试。</translation>
    </message>
    <message>
        <source>Not installed: the app could not be saved on this car.</source>
        <translation>未安装：无法将应用保存到此车辆。</translation>
    </message>
    <message>
        <source>The app could not be removed.</source>
        <translation>无法移除该应用。</translation>
    </message>
</context>
<context>
    <name>AppsView</name>
    <message>
        <source>No apps installed</source>
        <translation>未安装应用</translation>
    </message>
    <message>
        <source>Apps are starting</source>
        <translation>应用正在启动</translation>
    </message>
    <message>
        <source>Partner apps you install appear here.</source>
        <translation>已安装的合作应用将显示在此处。</translation>
    </message>
    <message>
        <source>All apps</source>
        <translation>全部应用</translation>
    </message>
    <message>
        <source>Get more apps</source>
        <translation>获取更多应用</translation>
    </message>
    <message>
        <source>Close %1</source>
        <translation>关闭%1</translation>
    </message>
    <message>
        <source>Paused while driving</source>
        <translation>行驶中已暂停</translation>
    </message>
    <message>
        <source>%1 can be used when the car is parked.</source>
        <translation>%1 仅可在停车时使用。</translation>
    </message>
    <message>
        <source>This app could not be started</source>
        <translation>无法启动此应用</translation>
    </message>
    <message>
        <source>Close it and try again later. If it keeps failing, it may need an update.</source>
        <translation>请关闭后稍后重试。如果仍然失败，可能需要更新该应用。</translation>
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
    <name>CallSimulator</name>
    <message>
        <source>Simulated call in progress</source>
        <translation>模拟通话进行中</translation>
    </message>
    <message>
        <source>Simulated call ended</source>
        <translation>模拟通话已结束</translation>
    </message>
</context>
<context>
    <name>CarMarker</name>
    <message>
        <source>Your car</source>
        <translation>本车</translation>
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
    <name>ChargingChoicePanel</name>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>%1 of %2 free</source>
        <translation>空闲 %1/%2</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>已占用</translation>
    </message>
    <message>
        <source>Now %1 % → target</source>
        <translation>当前 %1 % → 目标</translation>
    </message>
    <message>
        <source>Charge to</source>
        <translation>充电至</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
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
    <name>FuelChoicePanel</name>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>Pump %1</source>
        <translation>%1 号加油机</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>已占用</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>加油量</translation>
    </message>
    <message>
        <source>%1 L</source>
        <translation>%1 升</translation>
    </message>
    <message>
        <source>Fill up</source>
        <translation>加满</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>GuidancePanel</name>
    <message>
        <source>%1 m</source>
        <translation>%1 米</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 公里</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>Finding a new route…</source>
        <translation>正在重新规划路线…</translation>
    </message>
    <message>
        <source>You have arrived</source>
        <translation>已到达目的地</translation>
    </message>
    <message>
        <source>End guidance</source>
        <translation>结束导航</translation>
    </message>
    <message>
        <source>%1 · %2 · arrive %3</source>
        <translation>%1 · %2 · %3 到达</translation>
    </message>
    <message>
        <source>Hide steps</source>
        <translation>收起详情</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>路线详情</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <source>Offline map, search and routing</source>
        <translation>离线地图、搜索和路线规划</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
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
    <name>LibraryStore</name>
    <message>
        <source>Artists</source>
        <translation>艺术家</translation>
    </message>
    <message>
        <source>Albums</source>
        <translation>专辑</translation>
    </message>
    <message>
        <source>Songs</source>
        <translation>歌曲</translation>
    </message>
    <message>
        <source>Unknown artist</source>
        <translation>未知艺术家</translation>
    </message>
    <message>
        <source>Unknown album</source>
        <translation>未知专辑</translation>
    </message>
    <message>
        <source>1 song</source>
        <translation>1 首歌曲</translation>
    </message>
    <message>
        <source>%1 songs</source>
        <translation>%1 首歌曲</translation>
    </message>
    <message>
        <source>1 album</source>
        <translation>1 张专辑</translation>
    </message>
    <message>
        <source>%1 albums</source>
        <translation>%1 张专辑</translation>
    </message>
    <message>
        <source>1 file skipped</source>
        <translation>已跳过 1 个文件</translation>
    </message>
    <message>
        <source>%1 files skipped</source>
        <translation>已跳过 %1 个文件</translation>
    </message>
    <message>
        <source>The library could not be updated</source>
        <translation>无法更新音乐库</translation>
    </message>
    <message>
        <source>Showing %1 of %2 — more when parked</source>
        <translation>显示 %1/%2 项 — 停车后可查看更多</translation>
    </message>
</context>
<context>
    <name>LiveDataStore</name>
    <message>
        <source>%1 of %2 free</source>
        <translation>空闲 %1/%2</translation>
    </message>
    <message>
        <source>Connectors: %1 of %2 free</source>
        <translation>充电桩：空闲 %1/%2</translation>
    </message>
    <message>
        <source>%1 / h</source>
        <translation>%1/小时</translation>
    </message>
    <message>
        <source>%1 / l</source>
        <translation>%1/升</translation>
    </message>
    <message>
        <source>%1 / kWh</source>
        <translation>%1/千瓦时</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <source>Live data unavailable</source>
        <translation>实时数据不可用</translation>
    </message>
    <message>
        <source>Could not update</source>
        <translation>无法更新</translation>
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
    <name>Maneuvers</name>
    <message>
        <source>Continue straight on</source>
        <translation>继续直行</translation>
    </message>
    <message>
        <source>Continue onto %1</source>
        <translation>继续驶入%1</translation>
    </message>
    <message>
        <source>Bear right</source>
        <translation>靠右行驶</translation>
    </message>
    <message>
        <source>Bear right onto %1</source>
        <translation>靠右进入%1</translation>
    </message>
    <message>
        <source>Turn right</source>
        <translation>右转</translation>
    </message>
    <message>
        <source>Turn right onto %1</source>
        <translation>右转进入%1</translation>
    </message>
    <message>
        <source>Turn sharp right</source>
        <translation>向右后方行驶</translation>
    </message>
    <message>
        <source>Turn sharp right onto %1</source>
        <translation>向右后方进入%1</translation>
    </message>
    <message>
        <source>Bear left</source>
        <translation>靠左行驶</translation>
    </message>
    <message>
        <source>Bear left onto %1</source>
        <translation>靠左进入%1</translation>
    </message>
    <message>
        <source>Turn left</source>
        <translation>左转</translation>
    </message>
    <message>
        <source>Turn left onto %1</source>
        <translation>左转进入%1</translation>
    </message>
    <message>
        <source>Turn sharp left</source>
        <translation>向左后方行驶</translation>
    </message>
    <message>
        <source>Turn sharp left onto %1</source>
        <translation>向左后方进入%1</translation>
    </message>
    <message>
        <source>Make a U-turn</source>
        <translation>掉头</translation>
    </message>
    <message>
        <source>Make a U-turn onto %1</source>
        <translation>掉头进入%1</translation>
    </message>
    <message>
        <source>Start driving</source>
        <translation>开始行驶</translation>
    </message>
    <message>
        <source>Start on %1</source>
        <translation>沿%1出发</translation>
    </message>
    <message>
        <source>Arrive at your destination</source>
        <translation>到达目的地</translation>
    </message>
</context>
<context>
    <name>MapCanvas</name>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
</context>
<context>
    <name>MapControlsPanel</name>
    <message>
        <source>My reservations</source>
        <translation>我的预订</translation>
    </message>
    <message>
        <source>Heading up: show north up</source>
        <translation>车头朝上：切换为正北朝上</translation>
    </message>
    <message>
        <source>North up: show heading up</source>
        <translation>正北朝上：切换为车头朝上</translation>
    </message>
    <message>
        <source>Back to the car</source>
        <translation>回到车辆位置</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
</context>
<context>
    <name>MapSearchPanel</name>
    <message>
        <source>Search places</source>
        <translation>搜索地点</translation>
    </message>
    <message>
        <source>Search when parked</source>
        <translation>停车后可搜索</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <source>Parking</source>
        <translation>停车</translation>
    </message>
    <message>
        <source>Fuel</source>
        <translation>加油</translation>
    </message>
    <message>
        <source>Charging</source>
        <translation>充电</translation>
    </message>
</context>
<context>
    <name>MapSearchStore</name>
    <message>
        <source>No places match “%1”.</source>
        <translation>未找到与“%1”匹配的地点。</translation>
    </message>
    <message>
        <source>No parking on this map near the car.</source>
        <translation>地图上车辆附近没有停车场。</translation>
    </message>
    <message>
        <source>No fuel stations on this map near the car.</source>
        <translation>地图上车辆附近没有加油站。</translation>
    </message>
    <message>
        <source>No charging stations on this map near the car.</source>
        <translation>地图上车辆附近没有充电站。</translation>
    </message>
    <message>
        <source>Typing is available when the car is parked.</source>
        <translation>停车后才能输入文字。</translation>
    </message>
    <message>
        <source>Search needs the map, which is not available.</source>
        <translation>地图不可用，无法搜索。</translation>
    </message>
</context>
<context>
    <name>MapStore</name>
    <message>
        <source>Point on the map</source>
        <translation>地图选点</translation>
    </message>
    <message>
        <source>Opening the map…</source>
        <translation>正在打开地图…</translation>
    </message>
    <message>
        <source>Preparing the map for first use…</source>
        <translation>首次使用，正在准备地图…</translation>
    </message>
    <message>
        <source>The map could not be opened. Search and routing are unavailable.</source>
        <translation>无法打开地图。搜索和路线规划不可用。</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>No map</source>
        <translation>无地图</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Nearest parking</source>
        <translation>附近停车场</translation>
    </message>
    <message>
        <source>Nearest fuel</source>
        <translation>附近加油站</translation>
    </message>
    <message>
        <source>Nearest charging</source>
        <translation>附近充电站</translation>
    </message>
</context>
<context>
    <name>MediaStore</name>
    <message>
        <source>The station could not be played: %1</source>
        <translation>无法播放该电台：%1</translation>
    </message>
    <message>
        <source>This track could not be played: %1</source>
        <translation>无法播放此曲目：%1</translation>
    </message>
    <message>
        <source>None of these tracks could be played: %1</source>
        <translation>这些曲目均无法播放：%1</translation>
    </message>
    <message>
        <source>These tracks could not be queued: %1</source>
        <translation>无法将这些曲目加入播放队列：%1</translation>
    </message>
    <message>
        <source>it did not start within %1 s</source>
        <translation>%1 秒内未能开始播放</translation>
    </message>
    <message>
        <source>it could not be opened</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <source>its format is not supported or it is damaged</source>
        <translation>格式不受支持或文件已损坏</translation>
    </message>
    <message>
        <source>the network failed</source>
        <translation>网络故障</translation>
    </message>
    <message>
        <source>access was refused</source>
        <translation>访问被拒绝</translation>
    </message>
    <message>
        <source>an unknown error</source>
        <translation>未知错误</translation>
    </message>
</context>
<context>
    <name>MediaView</name>
    <message>
        <source>Nothing playing</source>
        <translation>未在播放</translation>
    </message>
    <message>
        <source>Choose music, radio or video below.</source>
        <translation>请在下方选择音乐、电台或视频。</translation>
    </message>
    <message>
        <source>Music, radio and video appear here once they are set up.</source>
        <translation>音乐、电台和视频设置完成后将显示在此处。</translation>
    </message>
</context>
<context>
    <name>MusicLibraryPanel</name>
    <message>
        <source>Albums</source>
        <translation>专辑</translation>
    </message>
    <message>
        <source>Songs</source>
        <translation>歌曲</translation>
    </message>
    <message>
        <source>Artists</source>
        <translation>艺术家</translation>
    </message>
    <message>
        <source>Unknown artist</source>
        <translation>未知艺术家</translation>
    </message>
    <message>
        <source>Unknown album</source>
        <translation>未知专辑</translation>
    </message>
    <message>
        <source>Shuffle</source>
        <translation>随机播放</translation>
    </message>
    <message>
        <source>Play all</source>
        <translation>全部播放</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Looking for new music…</source>
        <translation>正在查找新音乐…</translation>
    </message>
    <message>
        <source>Looking for music…</source>
        <translation>正在查找音乐…</translation>
    </message>
    <message>
        <source>No music found</source>
        <translation>未找到音乐</translation>
    </message>
    <message>
        <source>The first look through a large library takes a moment.</source>
        <translation>首次扫描大型音乐库需要一些时间。</translation>
    </message>
    <message>
        <source>Copy songs into the music folder; they appear here by themselves.</source>
        <translation>将歌曲复制到音乐文件夹，即可自动显示在此处。</translation>
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
    <name>NowPlayingPanel</name>
    <message>
        <source>Now playing: %1. Open the player</source>
        <translation>正在播放：%1。打开播放器</translation>
    </message>
    <message>
        <source>Open the player</source>
        <translation>打开播放器</translation>
    </message>
    <message>
        <source>Nothing playing</source>
        <translation>未在播放</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Next track</source>
        <translation>下一曲</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
</context>
<context>
    <name>ParkingChoicePanel</name>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>%1 free</source>
        <translation>空闲 %1</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>已满</translation>
    </message>
    <message>
        <source>Parking time</source>
        <translation>停车时长</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>PartnerAppsPanel</name>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Installing…</source>
        <translation>正在安装…</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>正在移除…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>安装</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>移除%1</translation>
    </message>
    <message>
        <source>Install %1</source>
        <translation>安装%1</translation>
    </message>
</context>
<context>
    <name>PayPausedPanel</name>
    <message>
        <source>Paused while driving</source>
        <translation>行驶中已暂停</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Amount %1</source>
        <translation>金额 %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PayResultPanel</name>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>正在核实</translation>
    </message>
</context>
<context>
    <name>PayReviewPanel</name>
    <message>
        <source>Review</source>
        <translation>确认订单</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>合计 %1</translation>
    </message>
    <message>
        <source>No connection: the reservation is sent when the car is back online.</source>
        <translation>无网络连接：车辆恢复联网后将发送预订。</translation>
    </message>
    <message>
        <source>Paying at the pump needs a connection.</source>
        <translation>在加油机付款需要网络连接。</translation>
    </message>
    <message>
        <source>Available when parked</source>
        <translation>停车后可用</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>Pay with phone (QR)</source>
        <translation>用手机支付（二维码）</translation>
    </message>
    <message>
        <source>Pay with in-car wallet</source>
        <translation>用车载钱包支付</translation>
    </message>
    <message>
        <source>Reserve now, pay when online</source>
        <translation>立即预订，联网后支付</translation>
    </message>
</context>
<context>
    <name>PayStore</name>
    <message>
        <source>Navigate there</source>
        <translation>导航前往</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Choose again</source>
        <translation>重新选择</translation>
    </message>
    <message>
        <source>Pay with phone</source>
        <translation>用手机支付</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新查询</translation>
    </message>
    <message>
        <source>My reservations</source>
        <translation>我的预订</translation>
    </message>
    <message>
        <source>Nothing was charged.</source>
        <translation>未扣款。</translation>
    </message>
    <message>
        <source>This time was just taken</source>
        <translation>该时段刚被预订</translation>
    </message>
    <message>
        <source>Someone reserved it a moment ago. Nothing was charged.</source>
        <translation>刚刚已被他人预订。未扣款。</translation>
    </message>
    <message>
        <source>This time has started</source>
        <translation>该时段已开始</translation>
    </message>
    <message>
        <source>Choose a later time. Nothing was charged.</source>
        <translation>请选择更晚的时间。未扣款。</translation>
    </message>
    <message>
        <source>Your hold has expired</source>
        <translation>保留已过期</translation>
    </message>
    <message>
        <source>The place was held for 10 minutes and was not paid in time. Nothing was charged.</source>
        <translation>该位置已为您保留 10 分钟，但未及时支付。未扣款。</translation>
    </message>
    <message>
        <source>This pump is in use</source>
        <translation>该加油机正在使用中</translation>
    </message>
    <message>
        <source>Choose another pump. Nothing was charged.</source>
        <translation>请选择其他加油机。未扣款。</translation>
    </message>
    <message>
        <source>Not bookable</source>
        <translation>不可预订</translation>
    </message>
    <message>
        <source>This place takes no reservations. Nothing was charged.</source>
        <translation>此处不接受预订。未扣款。</translation>
    </message>
    <message>
        <source>Wallet locked</source>
        <translation>钱包已锁定</translation>
    </message>
    <message>
        <source>Too many wrong PINs: the wallet is locked for 15 minutes. Nothing was charged. You can pay with your phone.</source>
        <translation>PIN 错误次数过多：钱包已锁定 15 分钟。未扣款。您可以用手机支付。</translation>
    </message>
    <message>
        <source>Payment refused</source>
        <translation>支付被拒绝</translation>
    </message>
    <message>
        <source>The wallet does not hold enough money. Nothing was charged. You can pay with your phone.</source>
        <translation>钱包余额不足。未扣款。您可以用手机支付。</translation>
    </message>
    <message>
        <source>No in-car wallet</source>
        <translation>无车载钱包</translation>
    </message>
    <message>
        <source>This car has no wallet set up. Pay with your phone.</source>
        <translation>此车辆未设置钱包。请用手机支付。</translation>
    </message>
    <message>
        <source>Payment timed out</source>
        <translation>支付超时</translation>
    </message>
    <message>
        <source>The payment was not completed in time and was cancelled. Nothing was charged.</source>
        <translation>支付未能及时完成，已取消。未扣款。</translation>
    </message>
    <message>
        <source>No connection</source>
        <translation>无网络连接</translation>
    </message>
    <message>
        <source>The payment service cannot be reached. Nothing was charged.</source>
        <translation>无法连接支付服务。未扣款。</translation>
    </message>
    <message>
        <source>Unexpected answer</source>
        <translation>响应异常</translation>
    </message>
    <message>
        <source>The payment service sent an answer the car cannot read. Nothing was charged.</source>
        <translation>支付服务返回的响应车辆无法识别。未扣款。</translation>
    </message>
    <message>
        <source>Payment not confirmed yet</source>
        <translation>支付尚未确认</translation>
    </message>
    <message>
        <source>The car could not find out whether the payment went through. You will not be charged twice: it asks again as soon as the connection is back.</source>
        <translation>车辆无法确认支付是否成功。不会重复扣款：连接恢复后将自动重新查询。</translation>
    </message>
    <message>
        <source>No live data</source>
        <translation>无实时数据</translation>
    </message>
    <message>
        <source>Availability and prices could not be loaded. Try again when the car is online.</source>
        <translation>无法加载空闲情况和价格。请在车辆联网后重试。</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>This order was refunded.</source>
        <translation>此订单已退款。</translation>
    </message>
    <message>
        <source>Could not complete</source>
        <translation>无法完成</translation>
    </message>
    <message>
        <source>The request was refused. Nothing was charged.</source>
        <translation>请求被拒绝。未扣款。</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again.</source>
        <translation>PIN 错误，请重试。</translation>
    </message>
    <message>
        <source>Wrong PIN. Tries left: %1</source>
        <translation>PIN 错误。剩余尝试次数：%1</translation>
    </message>
    <message>
        <source>Parking · %1 h</source>
        <translation>停车 · %1 小时</translation>
    </message>
    <message>
        <source>Pump %1 · fill up (about %2 l)</source>
        <translation>%1 号加油机 · 加满（约 %2 升）</translation>
    </message>
    <message>
        <source>Pump %1 · %2 l</source>
        <translation>%1 号加油机 · %2 升</translation>
    </message>
    <message>
        <source>Charging · %1 · %2 kWh</source>
        <translation>充电 · %1 · %2 千瓦时</translation>
    </message>
    <message>
        <source>Start fuelling when the pump is ready</source>
        <translation>加油机就绪后即可加油</translation>
    </message>
    <message>
        <source>Car park</source>
        <translation>停车场</translation>
    </message>
    <message>
        <source>Fuel station</source>
        <translation>加油站</translation>
    </message>
    <message>
        <source>Charging station</source>
        <translation>充电站</translation>
    </message>
    <message>
        <source>The PIN has 4 to 6 digits.</source>
        <translation>PIN 为 4 至 6 位数字。</translation>
    </message>
    <message>
        <source>The payment did not go through. Nothing was charged. Try again.</source>
        <translation>支付未成功。未扣款。请重试。</translation>
    </message>
    <message>
        <source>Receipt %1 · %2</source>
        <translation>收据 %1 · %2</translation>
    </message>
    <message>
        <source>Pending – will be sent when online</source>
        <translation>待发送 – 联网后发送</translation>
    </message>
    <message>
        <source>Not confirmed yet, and nothing is charged. Once it is confirmed, pay for it from My reservations.</source>
        <translation>尚未确认，未扣款。确认后，请在“我的预订”中支付。</translation>
    </message>
    <message>
        <source>Reserved and paid</source>
        <translation>已预订并支付</translation>
    </message>
    <message>
        <source>Paid: the pump is ready</source>
        <translation>已支付：加油机已就绪</translation>
    </message>
    <message>
        <source>Checking the payment…</source>
        <translation>正在核实支付…</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>至 %1</translation>
    </message>
    <message>
        <source>Fill up</source>
        <translation>加满</translation>
    </message>
    <message>
        <source>Fill up (about %1 l)</source>
        <translation>加满（约 %1 升）</translation>
    </message>
    <message>
        <source>Choose a start time.</source>
        <translation>请选择开始时间。</translation>
    </message>
    <message>
        <source>No free time left today.</source>
        <translation>今天已无空闲时段。</translation>
    </message>
    <message>
        <source>This time is full. Choose another.</source>
        <translation>该时段已满，请另选。</translation>
    </message>
    <message>
        <source>Choose a pump.</source>
        <translation>请选择加油机。</translation>
    </message>
    <message>
        <source>This pump is in use. Choose another.</source>
        <translation>该加油机正在使用中，请另选。</translation>
    </message>
    <message>
        <source>Choose a connector.</source>
        <translation>请选择充电桩。</translation>
    </message>
    <message>
        <source>This connector is in use. Choose another.</source>
        <translation>该充电桩正在使用中，请另选。</translation>
    </message>
    <message>
        <source>The battery is already above this target.</source>
        <translation>当前电量已高于此目标。</translation>
    </message>
    <message>
        <source>The tank is already full.</source>
        <translation>油箱已满。</translation>
    </message>
    <message>
        <source>The battery&apos;s charge level is not known, so the energy to the target cannot be worked out.</source>
        <translation>电池电量未知，无法计算充至目标所需的电量。</translation>
    </message>
    <message>
        <source>The fuel level is not known: choose an amount instead.</source>
        <translation>油量未知：请改为选择加油量。</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Payment being checked</source>
        <translation>支付核实中</translation>
    </message>
    <message>
        <source>Held – not paid yet</source>
        <translation>已保留 – 尚未支付</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Expired – not paid</source>
        <translation>已过期 – 未支付</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Cancelled · refunded</source>
        <translation>已取消 · 已退款</translation>
    </message>
    <message>
        <source>Cancelling – will be sent when online</source>
        <translation>取消中 – 联网后发送</translation>
    </message>
    <message>
        <source>Refund – will be sent when online</source>
        <translation>退款 – 联网后发送</translation>
    </message>
    <message>
        <source>Waiting for payment</source>
        <translation>等待支付</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <source>Not paid – cancelled</source>
        <translation>未支付 – 已取消</translation>
    </message>
    <message>
        <source>Offline · as of %1</source>
        <translation>离线 · 截至 %1</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>收据 %1</translation>
    </message>
</context>
<context>
    <name>PinPadPanel</name>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Enter your PIN</source>
        <translation>请输入 PIN</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>Amount %1</source>
        <translation>金额 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n digits entered</source>
        <translation>
            <numerusform>已输入 %n 位数字</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking your PIN…</source>
        <translation>正在验证 PIN…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Pay by QR code</source>
        <translation>扫码支付</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PlayerPanel</name>
    <message>
        <source>Repeat all: on</source>
        <translation>全部循环：开</translation>
    </message>
    <message>
        <source>Repeat this track: on</source>
        <translation>单曲循环：开</translation>
    </message>
    <message>
        <source>Repeat: off</source>
        <translation>循环：关</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>播放进度</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>直播</translation>
    </message>
    <message>
        <source>Shuffle: on</source>
        <translation>随机播放：开</translation>
    </message>
    <message>
        <source>Shuffle: off</source>
        <translation>随机播放：关</translation>
    </message>
    <message>
        <source>Previous track</source>
        <translation>上一曲</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Next track</source>
        <translation>下一曲</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>播放队列</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>PoiDetailsPanel</name>
    <message>
        <source>Parking</source>
        <translation>停车场</translation>
    </message>
    <message>
        <source>Fuel station</source>
        <translation>加油站</translation>
    </message>
    <message>
        <source>EV charging</source>
        <translation>充电站</translation>
    </message>
    <message>
        <source>Restaurant</source>
        <translation>餐厅</translation>
    </message>
    <message>
        <source>Café</source>
        <translation>咖啡馆</translation>
    </message>
    <message>
        <source>Fast food</source>
        <translation>快餐</translation>
    </message>
    <message>
        <source>Bar or pub</source>
        <translation>酒吧</translation>
    </message>
    <message>
        <source>Hospital or clinic</source>
        <translation>医院/诊所</translation>
    </message>
    <message>
        <source>Pharmacy</source>
        <translation>药店</translation>
    </message>
    <message>
        <source>Hotel</source>
        <translation>酒店</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>商店</translation>
    </message>
    <message>
        <source>Bank or ATM</source>
        <translation>银行/ATM</translation>
    </message>
    <message>
        <source>Toilets</source>
        <translation>卫生间</translation>
    </message>
    <message>
        <source>Sight</source>
        <translation>景点</translation>
    </message>
    <message>
        <source>Police</source>
        <translation>警察局</translation>
    </message>
    <message>
        <source>Car service</source>
        <translation>汽车维修</translation>
    </message>
    <message>
        <source>Point on the map</source>
        <translation>地图选点</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>%1 km away</source>
        <translation>距离 %1 公里</translation>
    </message>
    <message>
        <source>Loading live data…</source>
        <translation>正在加载实时数据…</translation>
    </message>
    <message>
        <source>Open: %1</source>
        <translation>营业时间：%1</translation>
    </message>
    <message>
        <source>Pay at the pump</source>
        <translation>在加油机付款</translation>
    </message>
    <message>
        <source>Reserve a charger</source>
        <translation>预订充电桩</translation>
    </message>
    <message>
        <source>Reserve</source>
        <translation>预订</translation>
    </message>
    <message>
        <source>Finding a route…</source>
        <translation>正在规划路线…</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>出发</translation>
    </message>
</context>
<context>
    <name>PoiListPanel</name>
    <message>
        <source>%1 m</source>
        <translation>%1 米</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 公里</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>Unnamed place</source>
        <translation>未命名地点</translation>
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
    <name>QrPaymentPanel</name>
    <message>
        <source>Waiting for your phone…</source>
        <translation>等待手机确认…</translation>
    </message>
    <message>
        <source>Waiting for your phone… %1</source>
        <translation>等待手机确认… %1</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Scan to pay</source>
        <translation>扫码支付</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>Payment QR code</source>
        <translation>支付二维码</translation>
    </message>
    <message>
        <source>Amount %1</source>
        <translation>金额 %1</translation>
    </message>
    <message>
        <source>Use wallet</source>
        <translation>使用车载钱包</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RadioPanel</name>
    <message>
        <source>Connecting to the stream…</source>
        <translation>正在连接音频流…</translation>
    </message>
    <message>
        <source>Playlists</source>
        <translation>播放列表</translation>
    </message>
    <message>
        <source>Podcasts</source>
        <translation>播客</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>电台</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>No playlists</source>
        <translation>无播放列表</translation>
    </message>
    <message>
        <source>No podcasts</source>
        <translation>无播客</translation>
    </message>
    <message>
        <source>No stations</source>
        <translation>无电台</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>正在更新…</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message numerus="yes">
        <source>%n more when parked</source>
        <translation>
            <numerusform>停车后可查看另外 %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RadioStore</name>
    <message>
        <source>Jazz</source>
        <translation>爵士</translation>
    </message>
    <message>
        <source>Classical</source>
        <translation>古典</translation>
    </message>
    <message>
        <source>Electronic</source>
        <translation>电子</translation>
    </message>
    <message>
        <source>Traditional</source>
        <translation>传统</translation>
    </message>
    <message>
        <source>Ambient</source>
        <translation>氛围</translation>
    </message>
    <message>
        <source>Rock</source>
        <translation>摇滚</translation>
    </message>
    <message>
        <source>Pop</source>
        <translation>流行</translation>
    </message>
    <message>
        <source>News</source>
        <translation>新闻</translation>
    </message>
    <message>
        <source>Offline – showing saved stations. Playing needs a connection.</source>
        <translation>离线 – 显示已保存的电台。播放需要网络连接。</translation>
    </message>
    <message>
        <source>Offline – showing saved playlists. Playing needs a connection.</source>
        <translation>离线 – 显示已保存的播放列表。播放需要网络连接。</translation>
    </message>
    <message>
        <source>Offline – showing saved podcasts. Playing needs a connection.</source>
        <translation>离线 – 显示已保存的播客。播放需要网络连接。</translation>
    </message>
    <message>
        <source>No stations saved yet. Connect to the internet to load them.</source>
        <translation>尚未保存电台。请连接互联网以加载。</translation>
    </message>
    <message>
        <source>No playlists saved yet. Connect to the internet to load them.</source>
        <translation>尚未保存播放列表。请连接互联网以加载。</translation>
    </message>
    <message>
        <source>No podcasts saved yet. Connect to the internet to load them.</source>
        <translation>尚未保存播客。请连接互联网以加载。</translation>
    </message>
    <message>
        <source>The media service offers no stations at the moment.</source>
        <translation>媒体服务目前未提供电台。</translation>
    </message>
    <message>
        <source>The media service offers no playlists at the moment.</source>
        <translation>媒体服务目前未提供播放列表。</translation>
    </message>
    <message>
        <source>The media service offers no podcasts at the moment.</source>
        <translation>媒体服务目前未提供播客。</translation>
    </message>
    <message>
        <source>The media service did not answer. Try again later.</source>
        <translation>媒体服务无响应。请稍后重试。</translation>
    </message>
    <message>
        <source>Could not update the list – showing the saved one.</source>
        <translation>无法更新列表 – 显示已保存的列表。</translation>
    </message>
    <message>
        <source>Offline – “%1” can be played once the connection is back.</source>
        <translation>离线 – 连接恢复后即可播放“%1”。</translation>
    </message>
    <message>
        <source>Could not get “%1” from the media service. Try again.</source>
        <translation>无法从媒体服务获取“%1”。请重试。</translation>
    </message>
    <message>
        <source>“%1” is no longer offered.</source>
        <translation>“%1”已不再提供。</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
</context>
<context>
    <name>RecentAppsPanel</name>
    <message>
        <source>Recently used</source>
        <translation>最近使用</translation>
    </message>
</context>
<context>
    <name>ReservationsPanel</name>
    <message>
        <source>My reservations</source>
        <translation>我的预订</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message numerus="yes">
        <source>%n more when parked</source>
        <translation>
            <numerusform>停车后可查看另外 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>即将开始</translation>
    </message>
    <message>
        <source>Past</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>支付</translation>
    </message>
    <message>
        <source>Navigate</source>
        <translation>导航</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>No reservations yet</source>
        <translation>暂无预订</translation>
    </message>
    <message>
        <source>Parking, fuel and charging you reserve here show up in this list.</source>
        <translation>在此预订的停车、加油和充电将显示在此列表中。</translation>
    </message>
</context>
<context>
    <name>ReserveFlowView</name>
    <message>
        <source>Prices as of the last connection; the backend confirms the total.</source>
        <translation>价格为上次联网时的数据；总价以服务器确认为准。</translation>
    </message>
    <message>
        <source>Scan with your phone and confirm there.</source>
        <translation>请用手机扫码，并在手机上确认。</translation>
    </message>
    <message>
        <source>Loading availability…</source>
        <translation>正在加载空闲情况…</translation>
    </message>
    <message>
        <source>Paused while driving</source>
        <translation>行驶中已暂停</translation>
    </message>
    <message>
        <source>The payment continues when you park. Nothing has been charged.</source>
        <translation>停车后将继续支付。尚未扣款。</translation>
    </message>
</context>
<context>
    <name>RouteStore</name>
    <message>
        <source>No road route leads there from here.</source>
        <translation>从这里无法经道路到达该处。</translation>
    </message>
    <message>
        <source>The car is not near a road on the map.</source>
        <translation>车辆不在地图上的道路附近。</translation>
    </message>
    <message>
        <source>There is no road near this destination.</source>
        <translation>该目的地附近没有道路。</translation>
    </message>
    <message>
        <source>You are already there.</source>
        <translation>您已在目的地。</translation>
    </message>
    <message>
        <source>Routing needs the map, which is not available.</source>
        <translation>地图不可用，无法规划路线。</translation>
    </message>
    <message>
        <source>The route could not be computed.</source>
        <translation>无法计算路线。</translation>
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
    <message>
        <source>This vehicle is not registered with the online services. Reservations and payments are unavailable.</source>
        <translation>此车辆未在在线服务中注册。预订和支付功能不可用。</translation>
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
        <source>Connecting…</source>
        <translation>正在连接…</translation>
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
        <source>Pending (%1)</source>
        <translation>待发送 (%1)</translation>
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
    <name>TripApp</name>
    <message>
        <source>Trip computer</source>
        <translation>行车电脑</translation>
    </message>
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
        <source>Speed</source>
        <translation>车速</translation>
    </message>
    <message>
        <source>Gear</source>
        <translation>挡位</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>续航</translation>
    </message>
    <message>
        <source>Battery</source>
        <translation>电量</translation>
    </message>
    <message>
        <source>Fuel</source>
        <translation>油量</translation>
    </message>
    <message>
        <source>Outside</source>
        <translation>车外</translation>
    </message>
    <message>
        <source>Odometer</source>
        <translation>总里程</translation>
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
    <name>VideoPanel</name>
    <message>
        <source>Videos</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Play %1</source>
        <translation>播放%1</translation>
    </message>
    <message>
        <source>Looking for videos…</source>
        <translation>正在查找视频…</translation>
    </message>
    <message>
        <source>No videos</source>
        <translation>无视频</translation>
    </message>
    <message>
        <source>Videos in the configured video folders appear here.</source>
        <translation>已配置的视频文件夹中的视频将显示在此处。</translation>
    </message>
    <message>
        <source>Close video</source>
        <translation>关闭视频</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>播放进度</translation>
    </message>
    <message>
        <source>Video can only be played when the car is parked.</source>
        <translation>仅可在停车时播放视频。</translation>
    </message>
</context>
<context>
    <name>VideoStore</name>
    <message>
        <source>Video is paused while driving. It continues when you park.</source>
        <translation>行驶中视频已暂停。停车后继续播放。</translation>
    </message>
    <message>
        <source>The picture is hidden while driving; the sound goes on. The picture returns when you park.</source>
        <translation>行驶中画面已隐藏，声音继续播放。停车后恢复画面。</translation>
    </message>
    <message>
        <source>Video can only be played when the car is parked.</source>
        <translation>仅可在停车时播放视频。</translation>
    </message>
    <message>
        <source>“%1” cannot be played: %2</source>
        <translation>无法播放“%1”：%2</translation>
    </message>
    <message>
        <source>the file is damaged or in an unknown format</source>
        <translation>文件已损坏或格式未知</translation>
    </message>
    <message>
        <source>The video list could not be read: %1</source>
        <translation>无法读取视频列表：%1</translation>
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
