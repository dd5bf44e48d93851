<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About KAMDesk</source>
        <translation>关于 KAMDesk</translation>
    </message>
    <message>
        <source>KAMDesk %1 — the key-account manager&apos;s desk.
Works offline; nothing leaves this computer unless you export it.

Database: %2
Log file: %3</source>
        <translation>KAMDesk %1 —— 大客户经理的工作台。
完全离线工作；除非您主动导出，任何数据都不会离开这台电脑。

数据库：%2
日志文件：%3</translation>
    </message>
    <message>
        <source>Licences of the bundled font and icons:</source>
        <translation>随附字体和图标的许可证：</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>KAMDesk is already open on this book (%1). Switch to that window.</source>
        <translation>KAMDesk 已经打开了这个数据库（%1）。请切换到那个窗口。</translation>
    </message>
    <message>
        <source>Something went wrong: %1

Your saved data is safe. Details were written to the log file:
%2</source>
        <translation>出现错误：%1

已保存的数据不受影响。详细信息已写入日志文件：
%2</translation>
    </message>
    <message>
        <source>KAMDesk</source>
        <translation>KAMDesk</translation>
    </message>
    <message>
        <source>Open the book on this computer instead?</source>
        <translation>改为打开本机上的客户档案吗？</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Choose the folder for the backup (e.g. a USB stick)</source>
        <translation>选择备份保存的文件夹（例如U盘）</translation>
    </message>
    <message>
        <source>Backup saved to %1</source>
        <translation>备份已保存到 %1</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Choose a backup to restore</source>
        <translation>选择要恢复的备份</translation>
    </message>
    <message>
        <source>KAMDesk backups (*.sqlite3)</source>
        <translation>KAMDesk 备份 (*.sqlite3)</translation>
    </message>
    <message>
        <source>Restored the backup of %1.</source>
        <translation>已恢复 %1 的备份。</translation>
    </message>
    <message>
        <source>The book it replaced was kept as %1</source>
        <translation>被替换的数据库已保存为 %1</translation>
    </message>
</context>
<context>
    <name>BatchExportDialog</name>
    <message>
        <source>Export account plans</source>
        <translation>批量导出客户经营计划</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部分层</translation>
    </message>
    <message>
        <source>all periods</source>
        <translation>全部周期</translation>
    </message>
    <message>
        <source>Only each customer&apos;s latest plan</source>
        <translation>每位客户只导出最新一份计划</translation>
    </message>
    <message>
        <source>Customers without a plan: export a draft made from the data</source>
        <translation>无计划的客户：按数据生成草稿并导出</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>US Letter paper (default A4)</source>
        <translation>使用 US Letter 纸张（默认 A4）</translation>
    </message>
    <message>
        <source>&amp;Tier:</source>
        <translation>分层(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>周期(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Folder for the PDFs</source>
        <translation>选择保存 PDF 的文件夹</translation>
    </message>
    <message numerus="yes">
        <source>%n plan(s) will be exported.</source>
        <translation>
            <numerusform>将导出 %n 份计划。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot use this folder</source>
        <translation>无法使用此文件夹</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Exporting account plans</source>
        <translation>正在导出客户经营计划</translation>
    </message>
    <message>
        <source>Writing %1 (%2 of %3)</source>
        <translation>正在写入 %1（%2/%3）</translation>
    </message>
    <message numerus="yes">
        <source>Export stopped by an error after %n file(s): %2</source>
        <translation>
            <numerusform>已写入 %n 个文件后因出错而中止：%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %1 of %n file(s) written to %3</source>
        <translation>
            <numerusform>已取消：%n 个文件中已有 %1 个写入 %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) written to %2</source>
        <translation>
            <numerusform>已将 %n 个文件写入 %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BellButton</name>
    <message numerus="yes">
        <source>%n unread reminder(s)</source>
        <translation>
            <numerusform>%n 条未读提醒</numerusform>
        </translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
</context>
<context>
    <name>BookRefresher</name>
    <message>
        <source>&amp;Refresh</source>
        <extracomment>another client&apos;s commit was pushed (PostgreSQL NOTIFY), delivered on the UI thread</extracomment>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Read everything again, with changes made by others</source>
        <translation>重新读取全部数据，包括他人所做的修改</translation>
    </message>
    <message>
        <source>Changed by someone else — Refresh (F5)</source>
        <translation>他人已修改数据 — 刷新 (F5)</translation>
    </message>
    <message>
        <source>Someone else changed the book. Press F5 to see it.</source>
        <translation>他人修改了数据库。按 F5 查看。</translation>
    </message>
</context>
<context>
    <name>BulkActions</name>
    <message>
        <source>Undone: %1</source>
        <extracomment>the last dialog opened (tests look at it)</extracomment>
        <translation>已撤销：%1</translation>
    </message>
    <message>
        <source>Reassign owner</source>
        <translation>更换负责人</translation>
    </message>
    <message numerus="yes">
        <source>New owner of %n customer(s):</source>
        <translation>
            <numerusform>%n 位客户的新负责人：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reassigned %n customer(s) to %1. Undo with Ctrl+Z.</source>
        <translation>
            <numerusform>已将 %n 位客户交给 %1。按 Ctrl+Z 可撤销。</numerusform>
        </translation>
    </message>
    <message>
        <source>reassign owner</source>
        <translation>更换负责人</translation>
    </message>
    <message numerus="yes">
        <source>Archived %n customer(s). Undo with Ctrl+Z.</source>
        <translation>
            <numerusform>已归档 %n 位客户。按 Ctrl+Z 可撤销。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %n customer(s).</source>
        <translation>
            <numerusform>已恢复 %n 位客户。</numerusform>
        </translation>
    </message>
    <message>
        <source>archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>restore</source>
        <translation>恢复</translation>
    </message>
    <message numerus="yes">
        <source>Tagged %n customer(s).</source>
        <translation>
            <numerusform>已为 %n 位客户加上标签。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Untagged %n customer(s).</source>
        <translation>
            <numerusform>已为 %n 位客户去掉标签。</numerusform>
        </translation>
    </message>
    <message>
        <source>tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Export selected customers</source>
        <translation>导出所选客户</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n customer(s) to %1</source>
        <translation>
            <numerusform>已导出 %n 位客户到 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CalendarExport</name>
    <message>
        <source>Export to calendar</source>
        <translation>导出到日历</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar 文件 (*.ics)</translation>
    </message>
    <message>
        <source>The calendar could not be written:
%1</source>
        <translation>无法写入日历文件：
%1</translation>
    </message>
    <message>
        <source>Exported %1 calendar entries to %2</source>
        <translation>已将 %1 条日程导出到 %2</translation>
    </message>
</context>
<context>
    <name>CalendarScreen</name>
    <message>
        <source>Previous (Page Up)</source>
        <translation>上一页（Page Up）</translation>
    </message>
    <message>
        <source>Next (Page Down)</source>
        <translation>下一页（Page Down）</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Lunar dates</source>
        <translation>农历</translation>
    </message>
    <message>
        <source>Show the Chinese lunar date or festival under each day</source>
        <translation>在每天下方显示农历日期或节日</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export to calendar (.ics)…</source>
        <translation>导出到日历（.ics）…</translation>
    </message>
    <message>
        <source>Export the selected customer (.ics)…</source>
        <translation>导出所选客户的日程（.ics）…</translation>
    </message>
    <message>
        <source>New task…</source>
        <translation>新建任务…</translation>
    </message>
    <message>
        <source>Show or hide this kind</source>
        <translation>显示或隐藏此类日程</translation>
    </message>
    <message>
        <source>All customers (type to filter)</source>
        <translation>全部客户（输入以筛选）</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>+%1 项</translation>
    </message>
    <message>
        <source>Plan visit…</source>
        <translation>安排拜访…</translation>
    </message>
    <message>
        <source>Plan call…</source>
        <translation>安排电话…</translation>
    </message>
    <message>
        <source>Event: %1</source>
        <translation>活动：%1</translation>
    </message>
    <message>
        <source>%1 — a day for greetings to your customers</source>
        <translation>%1——适合向客户致以节日问候</translation>
    </message>
    <message>
        <source>Moved “%1” to %2</source>
        <translation>已将“%1”移至 %2</translation>
    </message>
    <message>
        <source>Move “%1” to…</source>
        <translation>将“%1”移至…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Move to…</source>
        <translation>移至…</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>标记完成</translation>
    </message>
    <message>
        <source>Open reminder task…</source>
        <translation>打开提醒任务…</translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>Log contact…</source>
        <translation>记录沟通…</translation>
    </message>
</context>
<context>
    <name>ChooseCustomerDialog</name>
    <message>
        <source>New complaint</source>
        <translation>新建投诉</translation>
    </message>
    <message>
        <source>Name, code, pinyin or phone</source>
        <translation>名称、编号、拼音或电话</translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation>客户(&amp;C)：</translation>
    </message>
    <message>
        <source>Next…</source>
        <translation>下一步…</translation>
    </message>
    <message>
        <source>Choose the customer first.</source>
        <translation>请先选择客户。</translation>
    </message>
</context>
<context>
    <name>ClassificationBox</name>
    <message>
        <source>Classification</source>
        <translation>客户分类</translation>
    </message>
    <message>
        <source>chosen for this customer</source>
        <translation>为此客户单独选择</translation>
    </message>
    <message>
        <source>the book&apos;s setting</source>
        <translation>按全局设置</translation>
    </message>
    <message>
        <source>In use: %1 — as stated in the sheet (%2)</source>
        <translation>当前使用：%1 — 按表格填报（%2）</translation>
    </message>
    <message>
        <source>Computed from the book: %1</source>
        <translation>按业务数据计算：%1</translation>
    </message>
    <message>
        <source>Use computed tiers for this customer</source>
        <translation>此客户改用计算分级</translation>
    </message>
    <message>
        <source>In use: %1 — computed from the book (%2)</source>
        <translation>当前使用：%1 — 按业务数据计算（%2）</translation>
    </message>
    <message>
        <source>Stated in the sheet: %1</source>
        <translation>表格填报：%1</translation>
    </message>
    <message>
        <source>Use the stated classification</source>
        <translation>改用表格填报的分类</translation>
    </message>
    <message>
        <source>Updating tiers…</source>
        <translation>正在更新客户分级…</translation>
    </message>
</context>
<context>
    <name>ColumnChooser</name>
    <message>
        <source>Right-click to choose the columns</source>
        <extracomment>shown on first start: together with the sidebar these fit 1366 px without clipping first-run widths (the user&apos;s own widths are restored by the window)</extracomment>
        <translation>右键选择显示的列</translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation>恢复默认列</translation>
    </message>
</context>
<context>
    <name>ComplaintCustomerDialog</name>
    <message>
        <source>New complaint</source>
        <translation>新建投诉</translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation>客户(&amp;C)：</translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <source>New complaint</source>
        <translation>新建投诉</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>e.g. delivery, quality, billing</source>
        <translation>如：交付、质量、账务</translation>
    </message>
    <message numerus="yes">
        <source>answer within %n hour(s)</source>
        <translation>
            <numerusform>%n 小时内响应</numerusform>
        </translation>
    </message>
    <message>
        <source>(set your name in Settings)</source>
        <translation>（请在设置中填写您的姓名）</translation>
    </message>
    <message>
        <source>Whoever receives a complaint owns it until it is handed over (首问负责制)</source>
        <translation>首问负责制：谁受理投诉，谁负责到底，除非明确移交</translation>
    </message>
    <message>
        <source>&amp;Received at:</source>
        <translation>受理时间(&amp;R)：</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>渠道(&amp;H)：</translation>
    </message>
    <message>
        <source>Ca&amp;tegory:</source>
        <translation>问题类别(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Severity:</source>
        <translation>严重程度(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>联系人(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>问题描述(&amp;D)：</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>负责人：</translation>
    </message>
    <message>
        <source>Respond</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>The first response was given now</source>
        <translation>记录现在已作出首次响应</translation>
    </message>
    <message>
        <source>Start resolving</source>
        <translation>开始处理</translation>
    </message>
    <message>
        <source>Work on the solution has started (in progress)</source>
        <translation>已开始处理（处理中）</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>解决…</translation>
    </message>
    <message>
        <source>Record how it was resolved</source>
        <translation>记录处理结果</translation>
    </message>
    <message>
        <source>Follow up…</source>
        <translation>回访…</translation>
    </message>
    <message>
        <source>Plan the follow-up visit, note satisfaction and lessons learned</source>
        <translation>安排事后回访，记录满意度和经验教训</translation>
    </message>
    <message>
        <source>Hand over…</source>
        <translation>移交…</translation>
    </message>
    <message>
        <source>Give the complaint to a colleague; the hand-over is kept</source>
        <translation>将投诉移交给同事，移交记录会保留</translation>
    </message>
    <message>
        <source>Respond by %1</source>
        <translation>请于 %1 前响应</translation>
    </message>
    <message>
        <source>Responded %1</source>
        <translation>已于 %1 响应</translation>
    </message>
    <message>
        <source>Response overdue since %1</source>
        <translation>响应已超时（时限 %1）</translation>
    </message>
    <message>
        <source>Resolution: %1</source>
        <translation>处理结果：%1</translation>
    </message>
    <message>
        <source>Follow-up visit: %1</source>
        <translation>回访日期：%1</translation>
    </message>
    <message>
        <source>Lessons learned: %1</source>
        <translation>经验教训：%1</translation>
    </message>
    <message>
        <source>Hand-overs:</source>
        <translation>移交记录：</translation>
    </message>
    <message>
        <source>Not handed over: owned by whoever received it.</source>
        <translation>未移交：由首位受理人负责。</translation>
    </message>
</context>
<context>
    <name>ComplaintHoursPage</name>
    <message>
        <source>Answer a complaint within</source>
        <translation>投诉响应时限</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Normal (medium and low)</source>
        <translation>一般（中、低）</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Complaints opened from now on get these response deadlines; those already open keep theirs. A complaint turns amber when a quarter of its time is left and red once it is overdue.</source>
        <translation>此后新建的投诉按此计算响应时限，已有投诉保持原时限。剩余时间不足四分之一时显示为橙色，超时后显示为红色。</translation>
    </message>
    <message>
        <source>A more severe complaint cannot get more time to answer than a less severe one.</source>
        <translation>严重程度更高的投诉，响应时限不能长于严重程度较低的投诉。</translation>
    </message>
</context>
<context>
    <name>ComplaintsScreen</name>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Response due</source>
        <translation>响应时限</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>Open ones (not followed up)</source>
        <translation>未结案（尚未回访）</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>仅看超时</translation>
    </message>
    <message>
        <source>Still unanswered after the response deadline</source>
        <translation>超过响应时限仍未响应</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>New complaint…</source>
        <translation>新建投诉…</translation>
    </message>
    <message>
        <source>Record a complaint you received</source>
        <translation>记录您受理的投诉</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Respond, resolve, follow up or hand over (Enter)</source>
        <translation>响应、处理、回访或移交（Enter）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected complaint (Del)</source>
        <translation>删除所选投诉（Del）</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <source>Put the last deleted complaint back (Ctrl+Z)</source>
        <translation>恢复最近删除的投诉（Ctrl+Z）</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>负责人：</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>全部负责人</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s)</source>
        <translation>
            <numerusform>%n 件投诉</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n past the response deadline</source>
        <translation>
            <numerusform>%n 件已超过响应时限</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n near it</source>
        <translation>
            <numerusform>%n 件临近时限</numerusform>
        </translation>
    </message>
    <message>
        <source>No complaints match these filters.</source>
        <translation>没有符合筛选条件的投诉。</translation>
    </message>
    <message>
        <source>No open complaints. Record one with “New complaint…” when a customer raises an issue; it is yours until you hand it over.</source>
        <translation>暂无未结案的投诉。客户反映问题时，用“新建投诉…”记录；首问负责制：由您负责到底，除非正式移交。</translation>
    </message>
    <message>
        <source>Delete complaint</source>
        <translation>删除投诉</translation>
    </message>
    <message>
        <source>Delete this complaint and its hand-over history? Ctrl+Z brings it back.</source>
        <translation>删除该投诉及其移交记录？可按 Ctrl+Z 恢复。</translation>
    </message>
    <message>
        <source>Complaint deleted — Ctrl+Z to undo</source>
        <translation>投诉已删除——按 Ctrl+Z 撤销</translation>
    </message>
    <message>
        <source>Complaint restored</source>
        <translation>投诉已恢复</translation>
    </message>
</context>
<context>
    <name>ComplaintsTab</name>
    <message>
        <source>answered %1</source>
        <translation>已于 %1 响应</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Response due</source>
        <translation>响应时限</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>New complaint…</source>
        <translation>新建投诉…</translation>
    </message>
    <message>
        <source>Record a complaint you received</source>
        <translation>记录您受理的投诉</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Respond, resolve, follow up or hand over</source>
        <translation>响应、解决、回访或移交</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected complaint (Del)</source>
        <translation>删除所选投诉（Del）</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <source>Put the last deleted complaint back (Ctrl+Z)</source>
        <translation>恢复最近删除的投诉（Ctrl+Z）</translation>
    </message>
    <message>
        <source>No complaints recorded.</source>
        <translation>暂无投诉记录。</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s) past the response deadline</source>
        <translation>
            <numerusform>%n 条投诉已超过响应时限</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s), %1 not followed up yet</source>
        <translation>
            <numerusform>%n 条投诉，%1 条尚未回访</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete complaint</source>
        <translation>删除投诉</translation>
    </message>
    <message>
        <source>Delete this complaint and its hand-over history? Ctrl+Z brings it back.</source>
        <translation>删除此投诉及其移交记录？按 Ctrl+Z 可恢复。</translation>
    </message>
    <message>
        <source>Complaint deleted — Ctrl+Z to undo</source>
        <translation>投诉已删除 — 按 Ctrl+Z 撤销</translation>
    </message>
    <message>
        <source>Complaint restored</source>
        <translation>投诉已恢复</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Someone else changed this record</source>
        <translation>此记录已被他人修改</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Theirs (saved now)</source>
        <translation>对方的（当前已保存）</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>您的</translation>
    </message>
    <message>
        <source>Someone else changed this record after you opened it. Delete it anyway?</source>
        <translation>您打开此记录后，他人修改了它。仍要删除吗？</translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation>保留(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Delete anyway</source>
        <translation>仍然删除(&amp;D)</translation>
    </message>
    <message>
        <source>Someone else deleted this record while you were editing. Your changes cannot be saved to it.</source>
        <translation>您编辑期间，他人已删除此记录。您的修改无法保存到该记录。</translation>
    </message>
    <message>
        <source>&amp;Discard my changes</source>
        <translation>放弃我的修改(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Back to editing</source>
        <translation>返回编辑(&amp;B)</translation>
    </message>
    <message>
        <source>Someone else changed this record while you were editing. Highlighted fields differ: choose which version to keep.</source>
        <translation>您编辑期间，他人修改了此记录。高亮的字段不同：请选择保留哪个版本。</translation>
    </message>
    <message>
        <source>&amp;Keep theirs</source>
        <translation>保留对方的(&amp;K)</translation>
    </message>
    <message>
        <source>Discard my changes and show theirs</source>
        <translation>放弃我的修改并显示对方的版本</translation>
    </message>
    <message>
        <source>&amp;Save mine over theirs</source>
        <translation>用我的覆盖对方的(&amp;S)</translation>
    </message>
</context>
<context>
    <name>ContactLogModel</name>
    <message>
        <source>Customer ID</source>
        <translation>客户ID</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>沟通时间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>沟通方式</translation>
    </message>
    <message>
        <source>People</source>
        <translation>参与人</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>沟通主题</translation>
    </message>
    <message>
        <source>Customer feedback</source>
        <translation>客户反馈</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>问题记录</translation>
    </message>
    <message>
        <source>Next action</source>
        <translation>后续行动</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
</context>
<context>
    <name>ContactLogScreen</name>
    <message>
        <source>Any</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Any customer</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>Search topic, feedback, issue, next action…</source>
        <translation>搜索主题、反馈、问题、后续行动…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>沟通方式</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Show all dates</source>
        <translation>显示全部日期</translation>
    </message>
    <message>
        <source>Widen the dates to every contact the other filters find</source>
        <translation>把日期范围放宽到其他筛选条件找到的全部沟通记录</translation>
    </message>
    <message>
        <source>Log contact…</source>
        <translation>记录沟通…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Bring back what was just deleted (Ctrl+Z)</source>
        <translation>恢复刚刚删除的记录（Ctrl+Z）</translation>
    </message>
    <message numerus="yes">
        <source>No contacts between these dates; %n outside them.</source>
        <translation>
            <numerusform>这段日期内没有沟通记录；范围外有 %n 条。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n 条沟通记录</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the contact with %1 on %2 (%3)?</source>
        <translation>删除 %2 与 %1 的沟通记录（%3）？</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n contact(s)?</source>
        <translation>
            <numerusform>删除 %n 条沟通记录？</numerusform>
        </translation>
    </message>
    <message>
        <source>Follow-up tasks created from them are deleted too. You can undo this with Ctrl+Z.</source>
        <translation>由其生成的跟进任务也将一并删除。可按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Delete contact</source>
        <translation>删除沟通记录</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n contact(s). Undo with Ctrl+Z.</source>
        <translation>
            <numerusform>已删除 %n 条沟通记录。按 Ctrl+Z 可撤销。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %n contact(s).</source>
        <translation>
            <numerusform>已恢复 %n 条沟通记录。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactLogTab</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>沟通方式</translation>
    </message>
    <message>
        <source>With</source>
        <translation>沟通对象</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>沟通主题</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>客户反馈</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>问题记录</translation>
    </message>
    <message>
        <source>Next action</source>
        <translation>后续行动</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Log contact…</source>
        <translation>记录沟通…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected contact (Del)</source>
        <translation>删除所选沟通记录（Del）</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <source>Put the last deleted contact back (Ctrl+Z)</source>
        <translation>恢复最近删除的沟通记录（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation>沟通详情</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n 条沟通记录</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete contact</source>
        <translation>删除沟通记录</translation>
    </message>
    <message>
        <source>Delete the contact “%1” of %2? Ctrl+Z brings it back.</source>
        <translation>删除 %2 的沟通记录“%1”？按 Ctrl+Z 可恢复。</translation>
    </message>
    <message>
        <source>Contact deleted — Ctrl+Z to undo</source>
        <translation>沟通记录已删除——按 Ctrl+Z 撤销</translation>
    </message>
    <message>
        <source>The contact could not be restored</source>
        <translation>无法恢复该沟通记录</translation>
    </message>
    <message>
        <source>Contact restored</source>
        <translation>沟通记录已恢复</translation>
    </message>
</context>
<context>
    <name>ContractDialog</name>
    <message>
        <source>Renew contract</source>
        <translation>续签合同</translation>
    </message>
    <message>
        <source>New contract</source>
        <translation>新建合同</translation>
    </message>
    <message>
        <source>Edit contract</source>
        <translation>编辑合同</translation>
    </message>
    <message>
        <source>e.g. the customer&apos;s legal entity; ours</source>
        <translation>例如：客户法人主体；我方</translation>
    </message>
    <message>
        <source>yuan, e.g. 1234.50 or 12.5万</source>
        <translation>元，例如 1234.50 或 12.5万</translation>
    </message>
    <message>
        <source>e.g. 30% on signing, rest within 60 days</source>
        <translation>例如：签约付 30%，余款 60 天内付清</translation>
    </message>
    <message>
        <source> days before the end</source>
        <translation> 天（到期前）</translation>
    </message>
    <message>
        <source>kept in the contract&apos;s history</source>
        <translation>记入合同历史</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>&amp;Number *:</source>
        <translation>合同编号(&amp;N) *：</translation>
    </message>
    <message>
        <source>&amp;Title *:</source>
        <translation>合同名称(&amp;T) *：</translation>
    </message>
    <message>
        <source>&amp;Parties:</source>
        <translation>签约方(&amp;P)：</translation>
    </message>
    <message>
        <source>T&amp;erm:</source>
        <translation>合同期限(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>合同金额(&amp;V)：</translation>
    </message>
    <message>
        <source>Pa&amp;yment terms:</source>
        <translation>付款条件(&amp;Y)：</translation>
    </message>
    <message>
        <source>Renewal &amp;reminder:</source>
        <translation>续约提醒(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>Renewed o&amp;n:</source>
        <translation>续签日期(&amp;N)：</translation>
    </message>
    <message>
        <source>Recorded o&amp;n:</source>
        <translation>登记日期(&amp;N)：</translation>
    </message>
    <message>
        <source>N&amp;ote on this step:</source>
        <translation>本步说明(&amp;O)：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Renews %1 (%2), which will be marked renewed.</source>
        <translation>续签 %1（%2），原合同将标记为已续签。</translation>
    </message>
</context>
<context>
    <name>ContractStatusDialog</name>
    <message>
        <source>Change status of %1</source>
        <translation>变更 %1 的状态</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>当前状态：%1</translation>
    </message>
    <message>
        <source>&amp;New status:</source>
        <translation>新状态(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>说明(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>ContractsTab</name>
    <message numerus="yes">
        <source>ended %n day(s) ago</source>
        <translation>
            <numerusform>已于 %n 天前到期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>剩余 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Number</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <source>Renews %1</source>
        <translation>续签自 %1</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>合同名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>剩余</translation>
    </message>
    <message numerus="yes">
        <source>Renewal window: %n day(s) before the end</source>
        <translation>
            <numerusform>续签窗口：到期前 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原状态</translation>
    </message>
    <message>
        <source>To</source>
        <translation>新状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Contract history</source>
        <translation>合同变更记录</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Record a new contract</source>
        <translation>登记一份新合同</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Edit the selected contract&apos;s terms</source>
        <translation>编辑所选合同的条款</translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation>变更状态…</translation>
    </message>
    <message>
        <source>Move the selected contract to its next state, dated, with a note</source>
        <translation>将所选合同变更到下一状态，并记录日期和说明</translation>
    </message>
    <message>
        <source>Renew…</source>
        <translation>续签…</translation>
    </message>
    <message>
        <source>Record the next contract; this one is marked renewed</source>
        <translation>登记续签后的新合同；本合同标记为已续签</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected draft (Del)</source>
        <translation>删除所选草稿（Del）</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <source>Put the last deleted draft back (Ctrl+Z)</source>
        <translation>恢复最近删除的草稿（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Files of the selected contract</source>
        <translation>所选合同的附件</translation>
    </message>
    <message>
        <source>No contracts recorded yet.</source>
        <translation>暂无合同记录。</translation>
    </message>
    <message numerus="yes">
        <source>%n contract(s) due for renewal</source>
        <translation>
            <numerusform>%n 份合同待续签</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contract(s)</source>
        <translation>
            <numerusform>%n 份合同</numerusform>
        </translation>
    </message>
    <message>
        <source>History of %1: no changes recorded yet</source>
        <translation>%1 的历史记录：尚无变更记录</translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation>%1 的历史记录</translation>
    </message>
    <message>
        <source>Select a contract to see its history.</source>
        <translation>选择一份合同以查看其历史记录。</translation>
    </message>
    <message>
        <source>Delete contract</source>
        <translation>删除合同</translation>
    </message>
    <message>
        <source>Delete the draft contract %1? Ctrl+Z brings it back.</source>
        <translation>删除草稿合同 %1？按 Ctrl+Z 可恢复。</translation>
    </message>
    <message>
        <source>Contract deleted — Ctrl+Z to undo</source>
        <translation>合同已删除——按 Ctrl+Z 撤销</translation>
    </message>
    <message>
        <source>The contract could not be restored</source>
        <translation>无法恢复该合同</translation>
    </message>
    <message>
        <source>Contract restored</source>
        <translation>合同已恢复</translation>
    </message>
</context>
<context>
    <name>CustomSnoozeDialog</name>
    <message>
        <source>Snooze until</source>
        <translation>推迟提醒至</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Edit customer</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <source>Full registered name</source>
        <translation>工商注册全称</translation>
    </message>
    <message>
        <source>e.g. group, 500+ staff</source>
        <translation>如：集团，500 人以上</translation>
    </message>
    <message>
        <source>fair, referral, industry report…</source>
        <translation>展会、转介绍、行业报告…</translation>
    </message>
    <message>
        <source>e.g. 500000 or 50万</source>
        <translation>如 500000 或 50万</translation>
    </message>
    <message>
        <source>0–100</source>
        <translation>0–100</translation>
    </message>
    <message>
        <source>Who raises the need, who evaluates, who signs</source>
        <translation>谁提出需求、谁评估、谁签字</translation>
    </message>
    <message>
        <source>What the customer asks for</source>
        <translation>客户明确提出的需求</translation>
    </message>
    <message>
        <source>What they will need but have not said: response speed, supply stability, custom solutions…</source>
        <translation>客户尚未提出但将会需要的：响应速度、供应稳定、定制方案…</translation>
    </message>
    <message>
        <source>e.g. 1200000 or 120万</source>
        <translation>如 1200000 或 120万</translation>
    </message>
    <message>
        <source>(not stated)</source>
        <translation>（未填报）</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>&amp;Potential:</source>
        <translation>潜力(&amp;P)：</translation>
    </message>
    <message>
        <source>Share of &amp;wallet %:</source>
        <translation>钱包份额 %(&amp;W)：</translation>
    </message>
    <message>
        <source>Re&amp;viewed on:</source>
        <translation>评估日期(&amp;V)：</translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation>编号(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Name *:</source>
        <translation>名称(&amp;N) *：</translation>
    </message>
    <message>
        <source>S&amp;hort name:</source>
        <translation>简称(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Industry:</source>
        <translation>行业(&amp;I)：</translation>
    </message>
    <message>
        <source>Sc&amp;ale:</source>
        <translation>规模(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>地区(&amp;R)：</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>地址(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Website:</source>
        <translation>网站(&amp;W)：</translation>
    </message>
    <message>
        <source>Cooperation &amp;since:</source>
        <translation>合作起始日(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Founded on:</source>
        <translation>成立日期(&amp;F)：</translation>
    </message>
    <message>
        <source>So&amp;urce:</source>
        <translation>来源(&amp;U)：</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
    <message>
        <source>Own&amp;er:</source>
        <translation>负责人(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Credit limit ¥:</source>
        <translation>信用限额 ¥(&amp;C)：</translation>
    </message>
    <message>
        <source>Credit ratin&amp;g:</source>
        <translation>信用等级(&amp;G)：</translation>
    </message>
    <message>
        <source>Strategy and needs</source>
        <translation>战略与需求</translation>
    </message>
    <message>
        <source>Strate&amp;gy notes</source>
        <translation>战略备注(&amp;G)</translation>
    </message>
    <message>
        <source>Decision &amp;process (决策链条)</source>
        <translation>决策链条(&amp;P)</translation>
    </message>
    <message>
        <source>E&amp;xplicit needs</source>
        <translation>显性需求(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Latent needs</source>
        <translation>潜在需求(&amp;L)</translation>
    </message>
    <message>
        <source>Stated in the sheet (optional)</source>
        <translation>表格填报（可选）</translation>
    </message>
    <message>
        <source>Declared annual contri&amp;bution ¥:</source>
        <translation>填报年度贡献值 ¥(&amp;B)：</translation>
    </message>
    <message>
        <source>Stated customer t&amp;ype:</source>
        <translation>填报客户类型(&amp;Y)：</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <source>Name, code or pinyin initials (zgyd)…</source>
        <extracomment>the user chose this customer id, or 0 when the text no longer names one the user took this customer on purpose: Enter, or a click in the list (not the best match taken on leaving the field, which may be on the way to Cancel) the customer id changed by any route (typing, choosing, presetting, clear()): the new id, or None for &quot;no customer&quot;</extracomment>
        <translation>名称、编号或拼音首字母（zgyd）…</translation>
    </message>
</context>
<context>
    <name>CustomerRowMenu</name>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Log contact…</source>
        <translation>记录沟通…</translation>
    </message>
    <message>
        <source>New task…</source>
        <translation>新建任务…</translation>
    </message>
    <message>
        <source>Account plan…</source>
        <translation>经营计划…</translation>
    </message>
    <message>
        <source>Pre-visit brief (PDF)…</source>
        <translation>拜访前简报（PDF）…</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>(some)</source>
        <translation>（部分）</translation>
    </message>
    <message>
        <source>New tag…</source>
        <translation>新建标签…</translation>
    </message>
    <message>
        <source>Reassign owner…</source>
        <translation>更换负责人…</translation>
    </message>
    <message>
        <source>Export selection…</source>
        <translation>导出所选…</translation>
    </message>
    <message>
        <source>Export plans as PDF…</source>
        <translation>导出经营计划 PDF…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>Code</source>
        <extracomment>lists longer than this many pages get every page&apos;s key read in the background ... once the list has been left alone this long (not between two keystrokes) while the list is hidden, how often to look whether it is shown again page number -&gt; key of the row before that page&apos;s first row</extracomment>
        <translation>客户ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>合作月数</translation>
    </message>
    <message>
        <source>12-month revenue</source>
        <translation>近 12 个月营收</translation>
    </message>
    <message>
        <source>Value / activity</source>
        <translation>价值/活跃度</translation>
    </message>
    <message>
        <source>Key contact</source>
        <translation>关键联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Core need</source>
        <translation>核心需求</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近互动</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康度</translation>
    </message>
    <message>
        <source>RFM</source>
        <translation>RFM</translation>
    </message>
    <message>
        <source>Next touch</source>
        <translation>下次维护</translation>
    </message>
    <message>
        <source>Credit used</source>
        <translation>信用额度使用</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>A complaint is past its response deadline</source>
        <translation>有投诉已超过响应时限</translation>
    </message>
    <message>
        <source>A complaint is near its response deadline</source>
        <translation>有投诉临近响应时限</translation>
    </message>
    <message>
        <source>over limit</source>
        <translation>超出额度</translation>
    </message>
    <message>
        <source>%1 % · over limit</source>
        <translation>%1 % · 超出额度</translation>
    </message>
    <message>
        <source>No credit limit set</source>
        <translation>未设信用额度</translation>
    </message>
    <message>
        <source>Outstanding %1 of a %2 limit</source>
        <translation>应收余额 %1，信用额度 %2</translation>
    </message>
    <message>
        <source>rating %1</source>
        <translation>信用等级 %1</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新客户</translation>
    </message>
</context>
<context>
    <name>CustomersScreen</name>
    <message>
        <source>Search name, code, contact, phone or pinyin (zgyd)…</source>
        <extracomment>how long a search that scans (one or two Latin letters or digits) waits for a pause</extracomment>
        <translation>搜索名称、编号、联系人、电话或拼音（zgyd）…</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>仅看超期</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>显示已归档</translation>
    </message>
    <message>
        <source>Over/near credit limit</source>
        <translation>超出/接近信用额度</translation>
    </message>
    <message>
        <source>Customers using 80 % or more of their credit limit</source>
        <translation>信用额度使用达 80% 及以上的客户</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>分层</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活跃度</translation>
    </message>
    <message>
        <source>Potential</source>
        <translation>潜力</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>New customer…</source>
        <extracomment>the last row menu shown (tests trigger its actions)</extracomment>
        <translation>新建客户…</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Archive or restore the selected customers (undo with Ctrl+Z)</source>
        <translation>归档或恢复所选客户（按 Ctrl+Z 可撤销）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>全部</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n 位客户</numerusform>
        </translation>
    </message>
    <message>
        <source>%1+ customers</source>
        <translation>%1+ 位客户</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>已选 %n 位</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Delete customer</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <source>Delete %1 for good? This cannot be undone.</source>
        <translation>永久删除 %1？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Customer has history</source>
        <translation>该客户有历史记录</translation>
    </message>
    <message>
        <source>%1 has contact log, orders or contracts, which are kept for the record. Archive the customer instead?</source>
        <translation>%1 已有沟通记录、订单或合同，这些记录需要留存。改为归档该客户？</translation>
    </message>
</context>
<context>
    <name>DBusNotifier</name>
    <message>
        <source>KAMDesk reminders</source>
        <translation>KAMDesk 提醒</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more reminder(s)</source>
        <translation>
            <numerusform>…另有 %n 条提醒</numerusform>
        </translation>
    </message>
    <message>
        <source>missed</source>
        <translation>已错过</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Snooze 15 min</source>
        <translation>15 分钟后再提醒</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>YYYY-MM-DD, empty if unknown</source>
        <translation>YYYY-MM-DD，未知可留空</translation>
    </message>
    <message>
        <source>Pick a date</source>
        <translation>选择日期</translation>
    </message>
</context>
<context>
    <name>DayPanel</name>
    <message>
        <source>The day&apos;s entries</source>
        <translation>当天事项</translation>
    </message>
    <message>
        <source>Nothing on this day. Double-click a day or press Enter to plan a task, call or visit.</source>
        <translation>当天没有安排。双击日期或按 Enter 键可安排任务、电话或拜访。</translation>
    </message>
    <message>
        <source>Plan visit…</source>
        <translation>安排拜访…</translation>
    </message>
    <message>
        <source>Plan call…</source>
        <translation>安排电话…</translation>
    </message>
    <message>
        <source>Lunar %1</source>
        <translation>农历 %1</translation>
    </message>
    <message>
        <source>%1 more not listed — narrow the kinds or pick a customer</source>
        <translation>另有 %1 项未列出——请缩小类别或选择客户</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <source>%1 (missing)</source>
        <translation>%1（文件缺失）</translation>
    </message>
    <message>
        <source>The stored copy of this file is missing. Attach it again, or restore a backup that has it.</source>
        <translation>此文件的存档副本已缺失。请重新添加附件，或从包含它的备份中恢复。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>Attached to</source>
        <translation>关联</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <source>Copy files into KAMDesk (or drop them here)</source>
        <translation>把文件复制到 KAMDesk（也可拖放到这里）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Open with the system viewer</source>
        <translation>用系统默认程序打开</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Notes…</source>
        <translation>备注…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the selected document (Del)</source>
        <translation>移除选中的附件（Del）</translation>
    </message>
    <message>
        <source>Undo remove</source>
        <translation>撤销移除</translation>
    </message>
    <message>
        <source>Put the last removed document back (Ctrl+Z)</source>
        <translation>恢复最近移除的附件（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Contract %1</source>
        <translation>合同 %1</translation>
    </message>
    <message>
        <source>Contact: %1</source>
        <translation>沟通记录：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n 个附件</numerusform>
        </translation>
    </message>
    <message>
        <source>No documents yet: attach files or drop them here.</source>
        <translation>还没有附件：点“添加附件”或把文件拖放到这里。</translation>
    </message>
    <message numerus="yes">
        <source>%n missing</source>
        <translation>
            <numerusform>%n 个缺失</numerusform>
        </translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) attached</source>
        <translation>
            <numerusform>已添加 %n 个附件</numerusform>
        </translation>
    </message>
    <message>
        <source>Not attached:</source>
        <translation>未能添加：</translation>
    </message>
    <message>
        <source>Open document</source>
        <translation>打开附件</translation>
    </message>
    <message>
        <source>The stored copy of “%1” is missing. Attach the file again, or restore a backup that has it.</source>
        <translation>“%1”的存档副本已缺失。请重新添加该文件，或从包含它的备份中恢复。</translation>
    </message>
    <message>
        <source>Rename document</source>
        <translation>重命名附件</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Document notes</source>
        <translation>附件备注</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Remove document</source>
        <translation>移除附件</translation>
    </message>
    <message>
        <source>Remove “%1”? Ctrl+Z brings it back.</source>
        <translation>移除“%1”？按 Ctrl+Z 可恢复。</translation>
    </message>
    <message>
        <source>Document removed — Ctrl+Z to undo</source>
        <translation>附件已移除 — 按 Ctrl+Z 撤销</translation>
    </message>
    <message>
        <source>The document could not be restored</source>
        <translation>附件未能恢复</translation>
    </message>
    <message>
        <source>Document restored</source>
        <translation>附件已恢复</translation>
    </message>
</context>
<context>
    <name>DrillDownDialog</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s), %1 to act on (listed first). Double-click a row to open the customer.</source>
        <translation>
            <numerusform>共 %n 条，其中 %1 条需跟进（排在前面）。双击一行打开客户档案。</numerusform>
        </translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>No customers behind this figure in the period.</source>
        <translation>本期该指标下没有客户。</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Find duplicates</source>
        <translation>查找重复客户</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>合并(&amp;M)…</translation>
    </message>
    <message>
        <source>Move everything of the other record to the one kept, then delete the other record</source>
        <translation>把另一条记录的全部内容移到保留的记录，然后删除另一条记录</translation>
    </message>
    <message>
        <source>&amp;Not a duplicate</source>
        <translation>不是重复(&amp;N)</translation>
    </message>
    <message>
        <source>Stop listing this pair</source>
        <translation>不再列出这一对</translation>
    </message>
    <message>
        <source>%1 pairs of customers look like the same company. Choose the record to keep and merge, or mark a pair as not a duplicate.</source>
        <translation>有 %1 对客户看起来是同一家公司。请选择要保留的记录并合并，或将其标记为不是重复。</translation>
    </message>
    <message>
        <source>No likely duplicates: no two customers share a name, a phone number or an email address.</source>
        <translation>没有疑似重复：没有两个客户的名称、电话或邮箱相同。</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>名称相同</translation>
    </message>
    <message>
        <source>same phone number</source>
        <translation>电话相同</translation>
    </message>
    <message>
        <source>same email address</source>
        <translation>邮箱相同</translation>
    </message>
    <message>
        <source>Why listed: %1</source>
        <translation>列出原因：%1</translation>
    </message>
    <message>
        <source>Merge %1 “%2” into %3 “%4”?

Everything recorded for %1 moves to %3:
• key people: %5
• contact log entries: %6
• orders and returns: %7
• other records (contracts, complaints, tasks, plans, documents…): %8

Fields %3 leaves empty are filled from %1. Then %1 is deleted.
A merge cannot be undone.</source>
        <translation>将 %1“%2”合并到 %3“%4”？

%1 的全部记录将移到 %3：
• 关键人：%5
• 互动记录：%6
• 订单与退货：%7
• 其他记录（合同、投诉、任务、计划、文档…）：%8

%3 为空的字段将用 %1 的值补全。随后删除 %1。
合并后无法撤销。</translation>
    </message>
    <message>
        <source>Merge customers</source>
        <translation>合并客户</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Merged %1 into %2</source>
        <translation>已将 %1 合并到 %2</translation>
    </message>
</context>
<context>
    <name>EmptyBookPanel</name>
    <message>
        <source>Your book is empty</source>
        <extracomment>the screens that cover themselves while the book is empty</extracomment>
        <translation>您的账本还是空的</translation>
    </message>
    <message>
        <source>Today lists whom to contact, what is due and what needs an answer. Start by adding your first customer or importing your customer spreadsheet (表1).</source>
        <translation>“今日”会列出该联系的客户、到期的事项和待答复的问题。请先新建第一个客户，或导入您的客户表格（表1）。</translation>
    </message>
    <message>
        <source>No customers yet. Add one by hand, or import the spreadsheet you keep today; KAMDesk keeps every column.</source>
        <translation>还没有客户。可以手动新建，也可以导入您现在使用的表格；KAMDesk 会保留每一列。</translation>
    </message>
    <message>
        <source>The calendar shows tasks, visits, events and key dates (birthdays, anniversaries) of your customers. Add or import customers first.</source>
        <translation>日历显示客户的任务、拜访、活动和关键日期（生日、纪念日）。请先新建或导入客户。</translation>
    </message>
    <message>
        <source>New customer…</source>
        <translation>新建客户…</translation>
    </message>
    <message>
        <source>Import a spreadsheet…</source>
        <translation>导入表格…</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>New event</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <source>Edit event</source>
        <translation>编辑活动</translation>
    </message>
    <message>
        <source>people, e.g. 30</source>
        <translation>人数，例如 30</translation>
    </message>
    <message>
        <source>e.g. 5,000 or 0.5万</source>
        <translation>例如 5,000 或 0.5万</translation>
    </message>
    <message>
        <source>1–5, e.g. 4.2</source>
        <translation>1–5 分，例如 4.2</translation>
    </message>
    <message>
        <source>&amp;Name *:</source>
        <translation>活动名称(&amp;N) *：</translation>
    </message>
    <message>
        <source>&amp;Date *:</source>
        <translation>活动时间(&amp;D) *：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>活动类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>地点(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Target participants:</source>
        <translation>目标参与人数(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Budget ¥:</source>
        <translation>预算 ¥(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Satisfaction (1–5):</source>
        <translation>满意度 1-5 分(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Improvements:</source>
        <translation>改进方向(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Follow-up plan:</source>
        <translation>后续跟进计划(&amp;F)：</translation>
    </message>
    <message>
        <source>Event “%1” saved</source>
        <translation>活动“%1”已保存</translation>
    </message>
</context>
<context>
    <name>EventsScreen</name>
    <message>
        <source>Search events…</source>
        <translation>搜索活动…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>活动时间</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>邀请数</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>参与数</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标人数</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Bring back what was just deleted (Ctrl+Z)</source>
        <translation>恢复刚删除的内容 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>客户ID</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Took part</source>
        <translation>是否参加</translation>
    </message>
    <message>
        <source>Invite…</source>
        <translation>邀请…</translation>
    </message>
    <message>
        <source>Mark attended</source>
        <translation>标记已参加</translation>
    </message>
    <message>
        <source>Did not attend</source>
        <translation>未参加</translation>
    </message>
    <message>
        <source>Withdraw invitation</source>
        <translation>撤回邀请</translation>
    </message>
    <message>
        <source>Create follow-up tasks</source>
        <translation>生成跟进任务</translation>
    </message>
    <message>
        <source>Budget: %1</source>
        <translation>预算：%1</translation>
    </message>
    <message>
        <source>No events yet. Record a customer salon, a training or an open day with “New event”, then invite customers and mark who came; follow-up tasks and the satisfaction score come from there.</source>
        <translation>还没有客户活动。用“新建活动”记录客户沙龙、培训或开放日，然后邀请客户并标记到场情况；后续跟进任务和满意度都由此而来。</translation>
    </message>
    <message>
        <source>No events match “%1”.</source>
        <translation>没有与“%1”匹配的活动。</translation>
    </message>
    <message>
        <source>No event chosen.</source>
        <translation>未选择活动。</translation>
    </message>
    <message>
        <source>Follow-up plan: %1</source>
        <translation>后续跟进计划：%1</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Delete the event “%1” and its invitations?</source>
        <translation>删除活动“%1”及其邀请记录？</translation>
    </message>
    <message>
        <source>You can undo this with Ctrl+Z.</source>
        <translation>可用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>删除活动</translation>
    </message>
    <message>
        <source>Event deleted. Undo with Ctrl+Z.</source>
        <translation>活动已删除，可用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Event restored.</source>
        <translation>活动已恢复。</translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up task(s) created, due %1</source>
        <translation>
            <numerusform>已生成 %n 个跟进任务，截止 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Pick a file</source>
        <extracomment>files another flow imports: phone contacts, a full export</extracomment>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>A customers (表1), contact log (表2), events (表3) or orders table, as CSV, text or Excel (.xlsx).</source>
        <translation>客户表（表1）、沟通记录（表2）、活动表（表3）或订单表，CSV、文本或 Excel（.xlsx）均可。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>分隔符：</translation>
    </message>
    <message>
        <source>Header:</source>
        <translation>表头：</translation>
    </message>
    <message>
        <source>Rows left out:</source>
        <translation>未导入的行：</translation>
    </message>
    <message>
        <source>Data rows:</source>
        <translation>数据行数：</translation>
    </message>
    <message>
        <source>Kind of table:</source>
        <translation>表格类型：</translation>
    </message>
    <message>
        <source>Import a table</source>
        <translation>导入表格</translation>
    </message>
    <message>
        <source>Tables (*.csv *.txt *.tsv *.xlsx *.xlsm);;Phone contacts (*.vcf);;Full export (*.zip);;All files (*)</source>
        <translation>表格 (*.csv *.txt *.tsv *.xlsx *.xlsm);;手机通讯录 (*.vcf);;完整导出 (*.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>rows %1–%2, joined (a two-row or merged header)</source>
        <translation>第 %1–%2 行，已合并（两行表头或合并单元格表头）</translation>
    </message>
    <message>
        <source>title rows above the header: %1</source>
        <translation>表头上方的标题行：%1 行</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Detected from the column headings; change it if it is wrong.</source>
        <translation>根据列标题识别；如有误请修改。</translation>
    </message>
    <message>
        <source>The headings do not say which table this is: choose its kind.</source>
        <translation>无法从列标题判断表格类型，请选择。</translation>
    </message>
    <message>
        <source>The file does not exist.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <source>The file&apos;s text encoding is not UTF-8, GBK/GB18030 or UTF-16: save it as CSV (UTF-8) or Excel .xlsx.</source>
        <translation>文件编码不是 UTF-8、GBK/GB18030 或 UTF-16：请另存为 CSV（UTF-8）或 Excel .xlsx。</translation>
    </message>
    <message>
        <source>The file holds no table.</source>
        <translation>文件中没有表格。</translation>
    </message>
    <message>
        <source>The file cannot be read: save it as CSV (UTF-8) or Excel .xlsx.</source>
        <translation>无法读取该文件：请另存为 CSV（UTF-8）或 Excel .xlsx。</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Follow up complaint</source>
        <translation>投诉回访</translation>
    </message>
    <message>
        <source>&amp;Visit on:</source>
        <translation>回访日期(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Satisfaction after:</source>
        <translation>回访满意度(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Lessons learned:</source>
        <translation>经验教训(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Discard changes?</source>
        <translation>放弃更改？</translation>
    </message>
    <message>
        <source>You have changed this record. Close without saving?</source>
        <translation>此记录已修改。不保存就关闭吗？</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>KAMDesk user guide</source>
        <extracomment>the licence files shipped with the bundled resources, in the order About shows them</extracomment>
        <translation>KAMDesk 使用指南</translation>
    </message>
    <message>
        <source>The user guide is missing from this installation.</source>
        <translation>此安装中缺少使用指南。</translation>
    </message>
</context>
<context>
    <name>HandOverDialog</name>
    <message>
        <source>Hand over complaint</source>
        <translation>移交投诉</translation>
    </message>
    <message>
        <source>&amp;New owner:</source>
        <translation>新负责人(&amp;N)：</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>说明(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>HealthTab</name>
    <message>
        <source>The score starts at 100; each warning sign below takes points off.</source>
        <translation>满分 100 分，下列每个预警信号都会扣分。</translation>
    </message>
    <message>
        <source>Relationship health</source>
        <translation>合作健康度</translation>
    </message>
    <message>
        <source>Tiering and RFM</source>
        <translation>分层与 RFM</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>No tier changes recorded yet. Changes appear here after tiers are recomputed.</source>
        <translation>暂无分层变化记录。重新计算分层后，变化将显示在这里。</translation>
    </message>
    <message>
        <source>Tier history</source>
        <translation>分层历史</translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation>价值分层</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活跃度</translation>
    </message>
    <message>
        <source>%1: became %3 on %4</source>
        <translation>%1：%4 变为%3</translation>
    </message>
    <message>
        <source>%1: moved from %2 to %3 on %4</source>
        <translation>%1：%4 由%2变为%3</translation>
    </message>
    <message>
        <source>No warning signs.</source>
        <translation>无预警信号。</translation>
    </message>
    <message>
        <source>R %1 · F %2 · M %3</source>
        <translation>R %1 · F %2 · M %3</translation>
    </message>
    <message>
        <source>(year before: %1)</source>
        <translation>（上一年：%1）</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Potential</source>
        <translation>潜力</translation>
    </message>
    <message>
        <source>RFM scores</source>
        <translation>RFM 评分</translation>
    </message>
    <message>
        <source>RFM segment</source>
        <translation>RFM 细分</translation>
    </message>
    <message>
        <source>12-month revenue</source>
        <translation>近 12 个月营收</translation>
    </message>
    <message>
        <source>Orders in 12 months</source>
        <translation>近 12 个月订单数</translation>
    </message>
    <message>
        <source>Next touch</source>
        <translation>下次维护</translation>
    </message>
    <message>
        <source>Figures computed on</source>
        <translation>数据计算日期</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>After</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>全部记录</translation>
    </message>
    <message>
        <source>Revert this change</source>
        <translation>撤销此变更</translation>
    </message>
    <message>
        <source>Put the value before this change back</source>
        <translation>恢复此次变更之前的值</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n 条变更</numerusform>
        </translation>
    </message>
    <message>
        <source>Reverted: %1</source>
        <translation>已撤销：%1</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Reading and checking the rows…</source>
        <translation>正在读取并检查各行…</translation>
    </message>
    <message>
        <source>Cancelling… nothing will be kept.</source>
        <translation>正在取消…不会保留任何数据。</translation>
    </message>
    <message>
        <source>Writing and updating the figures…</source>
        <translation>正在写入并更新指标…</translation>
    </message>
    <message>
        <source>Checked %1 of %2 rows…</source>
        <translation>已检查 %1 / %2 行…</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import a table</source>
        <extracomment>a file another flow imports (.vcf, .zip): the caller takes it from here</extracomment>
        <translation>导入表格</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Stop importing %1? Nothing has been imported.</source>
        <translation>停止导入 %1？尚未导入任何数据。</translation>
    </message>
</context>
<context>
    <name>ImportWords</name>
    <message>
        <source>is empty but required</source>
        <extracomment>meanings whose column holds money (a unit choice: 元 / 万元)</extracomment>
        <translation>为必填项，但为空</translation>
    </message>
    <message>
        <source>is not a date</source>
        <translation>不是有效日期</translation>
    </message>
    <message>
        <source>is a date that can be read two ways (write a four-digit year first)</source>
        <translation>日期有歧义（请写四位年份、年份在前）</translation>
    </message>
    <message>
        <source>is not a number</source>
        <translation>不是有效数字</translation>
    </message>
    <message>
        <source>is not an amount of money</source>
        <translation>不是有效金额</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <source>names no known customer</source>
        <translation>找不到对应客户</translation>
    </message>
    <message>
        <source>repeats a code used earlier in the file</source>
        <translation>与文件中前面的客户ID重复</translation>
    </message>
    <message>
        <source>is not an allowed value</source>
        <translation>不是允许的取值</translation>
    </message>
    <message>
        <source>is out of range</source>
        <translation>超出允许范围</translation>
    </message>
    <message>
        <source>blank row</source>
        <translation>空行</translation>
    </message>
    <message>
        <source>total row (合计/Total)</source>
        <translation>合计行（合计/Total）</translation>
    </message>
    <message>
        <source>NUL characters removed (row kept)</source>
        <translation>已删除 NUL 字符（该行保留）</translation>
    </message>
    <message>
        <source>Customers (表1)</source>
        <translation>客户（表1）</translation>
    </message>
    <message>
        <source>Contact log (表2)</source>
        <translation>沟通记录（表2）</translation>
    </message>
    <message>
        <source>Events (表3)</source>
        <translation>活动（表3）</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)</source>
        <translation>Excel 工作簿（XLSX）</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8（带 BOM）</translation>
    </message>
    <message>
        <source>UTF-16 (little-endian)</source>
        <translation>UTF-16（小端）</translation>
    </message>
    <message>
        <source>UTF-16 (big-endian)</source>
        <translation>UTF-16（大端）</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <source>vertical bar</source>
        <translation>竖线</translation>
    </message>
    <message>
        <source>Skip them</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Update the existing customer</source>
        <translation>更新已有客户</translation>
    </message>
    <message>
        <source>Create new customers anyway</source>
        <translation>仍然新建客户</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>email</source>
        <translation>邮箱</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <source>Invite to event</source>
        <translation>邀请参加活动</translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>邀请</translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation>客户(&amp;C)：</translation>
    </message>
    <message>
        <source>People (none ticked: the customer as a whole):</source>
        <translation>联系人（不勾选则邀请整个客户）：</translation>
    </message>
</context>
<context>
    <name>IoActions</name>
    <message>
        <source>Undo last import</source>
        <extracomment>the running (or last) import, for tests and a clean shutdown the last import wizard opened (tests drive it)</extracomment>
        <translation>撤销上次导入</translation>
    </message>
    <message>
        <source>There is no import to undo.</source>
        <translation>没有可撤销的导入。</translation>
    </message>
    <message>
        <source>Undo the import of %1 (%2 new, %3 updated rows)?</source>
        <translation>撤销 %1 的导入（新增 %2 行，更新 %3 行）？</translation>
    </message>
    <message>
        <source>There is no such import.</source>
        <translation>没有这次导入。</translation>
    </message>
    <message>
        <source>This import was already undone.</source>
        <translation>这次导入已撤销。</translation>
    </message>
    <message>
        <source>The import cannot be undone: a record it wrote was edited or deleted since.</source>
        <translation>无法撤销导入：导入写入的记录此后已被修改或删除。</translation>
    </message>
    <message>
        <source>The import cannot be undone: records were added since to what it imported.</source>
        <translation>无法撤销导入：此后已有新记录关联到导入的数据。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>%1 rows exported to %2</source>
        <translation>已将 %1 行导出到 %2</translation>
    </message>
    <message>
        <source>Export contacts</source>
        <translation>导出联系人</translation>
    </message>
    <message>
        <source>vCard (*.vcf)</source>
        <translation>vCard (*.vcf)</translation>
    </message>
    <message>
        <source>%1 contacts exported to %2</source>
        <translation>已将 %1 位联系人导出到 %2</translation>
    </message>
    <message>
        <source>Export everything</source>
        <translation>完整导出</translation>
    </message>
    <message>
        <source>ZIP archive (*.zip)</source>
        <translation>ZIP 压缩包 (*.zip)</translation>
    </message>
    <message>
        <source>%1 rows and %2 files exported to %3</source>
        <translation>已导出 %1 行数据和 %2 个附件到 %3</translation>
    </message>
    <message>
        <source>Import everything</source>
        <translation>完整导入</translation>
    </message>
    <message>
        <source>This database already holds data. A full export is imported only into an empty database: open a new database (or start KAMDesk with --db NEW.sqlite3) and import it there.</source>
        <translation>当前数据库已有数据。完整导出只能导入到空数据库：请新建一个数据库（或用 --db 新文件.sqlite3 启动 KAMDesk）后再导入。</translation>
    </message>
    <message>
        <source>This is not a KAMDesk full export.</source>
        <translation>这不是 KAMDesk 的完整导出文件。</translation>
    </message>
    <message>
        <source>This export is from a newer KAMDesk; update KAMDesk to import it.</source>
        <translation>此导出文件来自更新版本的 KAMDesk，请先升级 KAMDesk 再导入。</translation>
    </message>
    <message>
        <source>The file is damaged: %1</source>
        <translation>文件已损坏：%1</translation>
    </message>
    <message>
        <source>Imported %1 rows; figures and search rebuilt.</source>
        <translation>已导入 %1 行数据；指标和搜索索引已重建。</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>The backup could not be written: %1
Your database is unchanged.</source>
        <translation>无法写入备份：%1
数据库未受影响。</translation>
    </message>
    <message>
        <source>Backup saved to %1</source>
        <translation>备份已保存到 %1</translation>
    </message>
    <message>
        <source>Could not write %1: %2
(Is the disk full or the file open in another program?)</source>
        <translation>无法写入 %1：%2
（磁盘是否已满，或文件正被其他程序打开？）</translation>
    </message>
</context>
<context>
    <name>KeyDatesCard</name>
    <message>
        <source>Key dates in the next 7 days</source>
        <translation>未来 7 天的关键日期</translation>
    </message>
    <message>
        <source>No birthdays, anniversaries or festivals this week.</source>
        <translation>本周没有生日、周年纪念或节日。</translation>
    </message>
    <message>
        <source>Show key dates of</source>
        <translation>显示以下客户的关键日期</translation>
    </message>
    <message>
        <source>Show key dates of these customers only</source>
        <translation>只显示这些客户的关键日期</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>High value</source>
        <translation>高价值</translation>
    </message>
    <message>
        <source>High and middle value</source>
        <translation>高价值和中价值</translation>
    </message>
    <message numerus="yes">
        <source>%n key date(s)</source>
        <translation>
            <numerusform>%n 个关键日期</numerusform>
        </translation>
    </message>
    <message>
        <source>Show or hide this day&apos;s key dates</source>
        <translation>展开或收起当天的关键日期</translation>
    </message>
    <message numerus="yes">
        <source>and %n more on this day</source>
        <translation>
            <numerusform>当天还有 %n 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KpiTargetDialog</name>
    <message>
        <source>Target: %1</source>
        <translation>目标：%1</translation>
    </message>
    <message>
        <source>(no target)</source>
        <translation>（未设目标）</translation>
    </message>
    <message>
        <source>Clear target</source>
        <translation>清除目标</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>目标值(&amp;T)：</translation>
    </message>
    <message>
        <source>In yuan, %1 or more.</source>
        <translation>单位为元，不小于 %1。</translation>
    </message>
    <message>
        <source>Whole customers, %1 or more.</source>
        <translation>客户数（整数），不小于 %1。</translation>
    </message>
    <message>
        <source>In %, from %1 to %2.</source>
        <translation>单位为 %，范围 %1 至 %2。</translation>
    </message>
    <message>
        <source>From %1 to %2.</source>
        <translation>范围 %1 至 %2。</translation>
    </message>
</context>
<context>
    <name>KpiTile</name>
    <message>
        <source>Set target…</source>
        <translation>设定目标…</translation>
    </message>
    <message>
        <source>Customers…</source>
        <translation>查看客户…</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>No target</source>
        <translation>未设目标</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>目标：%1</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>LogContactDialog</name>
    <message>
        <source>Edit contact</source>
        <extracomment>Ordered as often as a key-account manager uses them, so the digit keys fall where the hand expects: 1 is a phone call, 2 a visit. the saved interaction&apos;s id</extracomment>
        <translation>编辑沟通记录</translation>
    </message>
    <message>
        <source>Log contact</source>
        <translation>记录沟通</translation>
    </message>
    <message>
        <source>Who took part. Space ticks or unticks the current person.</source>
        <translation>参与人员。按空格键勾选或取消勾选当前人员。</translation>
    </message>
    <message>
        <source>Press a number or the first letter to choose</source>
        <translation>按数字键或首字母选择</translation>
    </message>
    <message>
        <source>What was it about? e.g. Q1 supply review</source>
        <translation>沟通了什么？如：Q1 供货回顾</translation>
    </message>
    <message>
        <source>What the customer said</source>
        <translation>客户的反馈</translation>
    </message>
    <message>
        <source>Problem raised, if any</source>
        <translation>客户提出的问题（如有）</translation>
    </message>
    <message>
        <source>What you promised to do next — becomes a reminder</source>
        <translation>您承诺的后续行动——将自动生成提醒</translation>
    </message>
    <message>
        <source>&amp;Deadline</source>
        <translation>完成时限(&amp;D)</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>未询问</translation>
    </message>
    <message>
        <source>Press 1–5, or 0 for not asked</source>
        <translation>按 1–5 评分，按 0 表示未询问</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>参与人(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>时间(&amp;W)</translation>
    </message>
    <message>
        <source>C&amp;hannel</source>
        <translation>沟通方式(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Topic</source>
        <translation>沟通主题(&amp;T)</translation>
    </message>
    <message>
        <source>Customer &amp;feedback</source>
        <translation>客户反馈(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Issue raised</source>
        <translation>问题记录(&amp;I)</translation>
    </message>
    <message>
        <source>Saving then opens a complaint from this contact</source>
        <translation>保存后据此沟通记录受理投诉（首问负责制）</translation>
    </message>
    <message>
        <source>&amp;Next action</source>
        <translation>后续行动(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation>负责人(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Satisfaction</source>
        <translation>满意度(&amp;S)</translation>
    </message>
    <message>
        <source>Enter saves · Ctrl+Enter in notes · Esc cancels</source>
        <translation>Enter 保存（多行文本中按 Ctrl+Enter）· Esc 取消</translation>
    </message>
    <message>
        <source>(primary contact)</source>
        <translation>（主要联系人）</translation>
    </message>
    <message>
        <source>Choose a customer first</source>
        <translation>请先选择客户</translation>
    </message>
    <message>
        <source>No key people recorded for this customer</source>
        <translation>该客户尚无关键人记录</translation>
    </message>
    <message>
        <source>reminder %1</source>
        <translation>提醒 %1</translation>
    </message>
    <message>
        <source>Contact with %1 updated.</source>
        <translation>与 %1 的沟通记录已更新。</translation>
    </message>
    <message>
        <source>Contact with %1 logged.</source>
        <translation>已记录与 %1 的沟通。</translation>
    </message>
    <message>
        <source>Follow-up task created, reminder %1.</source>
        <translation>已创建跟进任务，提醒时间 %1。</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>放弃填写的内容？</translation>
    </message>
    <message>
        <source>You have typed something for this contact. Discard it?</source>
        <translation>这条沟通记录已填写了内容，确定放弃吗？</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Log contact</source>
        <translation>记录沟通</translation>
    </message>
    <message>
        <source>Log a call, visit or message (Ctrl+L)</source>
        <translation>记录一次电话、拜访或消息（Ctrl+L）</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>New order…</source>
        <translation>新建订单…</translation>
    </message>
    <message>
        <source>Enter an order or a return for a customer</source>
        <translation>为客户录入订单或退货</translation>
    </message>
    <message>
        <source>Find customer (Ctrl+F)</source>
        <translation>查找客户（Ctrl+F）</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Import table (CSV/Excel)…</source>
        <translation>导入表格（CSV/Excel）…</translation>
    </message>
    <message>
        <source>Undo last import…</source>
        <translation>撤销上次导入…</translation>
    </message>
    <message>
        <source>Export customers (表1)…</source>
        <translation>导出客户分层信息表（表1）…</translation>
    </message>
    <message>
        <source>Export contact log (表2)…</source>
        <translation>导出客户沟通记录表（表2）…</translation>
    </message>
    <message>
        <source>Export key people as vCard…</source>
        <translation>将关键人导出为 vCard…</translation>
    </message>
    <message>
        <source>Export calendar (.ics)…</source>
        <translation>导出日历（.ics）…</translation>
    </message>
    <message>
        <source>Export everything…</source>
        <translation>完整导出（全部数据）…</translation>
    </message>
    <message>
        <source>Import everything…</source>
        <translation>完整导入（全部数据）…</translation>
    </message>
    <message>
        <source>Back up now…</source>
        <translation>立即备份…</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>恢复备份…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <source>Find duplicates…</source>
        <translation>查找重复客户…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>About KAMDesk</source>
        <translation>关于 KAMDesk</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Contact log</source>
        <translation>沟通记录</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>客户活动</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>经营计划</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Map the columns</source>
        <translation>对应各列</translation>
    </message>
    <message>
        <source>Say what each column holds. The guess comes from the headings; columns set to “ignore” are not imported.</source>
        <translation>说明每列的含义。初始猜测来自列标题；设为“忽略”的列不导入。</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Values (first rows)</source>
        <translation>取值（前几行）</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Save mapping as…</source>
        <translation>另存对应关系…</translation>
    </message>
    <message>
        <source>Guess again</source>
        <translation>重新猜测</translation>
    </message>
    <message>
        <source>Using the mapping you saved for files with these columns.</source>
        <translation>正在使用您为这种列结构保存的对应关系。</translation>
    </message>
    <message>
        <source>Guessed from the headings — check it.</source>
        <translation>根据列标题猜测——请核对。</translation>
    </message>
    <message>
        <source>(no heading, column %1)</source>
        <translation>（无标题，第 %1 列）</translation>
    </message>
    <message>
        <source>— ignore —</source>
        <translation>— 忽略 —</translation>
    </message>
    <message>
        <source>Each meaning may be given to one column only: %1.</source>
        <translation>每种含义只能对应一列：%1。</translation>
    </message>
    <message>
        <source>Choose the column that holds: %1.</source>
        <translation>请选择包含以下内容的列：%1。</translation>
    </message>
    <message>
        <source>All required columns are mapped.</source>
        <translation>必填列均已对应。</translation>
    </message>
    <message>
        <source>Save mapping as</source>
        <translation>另存对应关系</translation>
    </message>
    <message>
        <source>Column mapping (*.json)</source>
        <translation>列对应关系 (*.json)</translation>
    </message>
    <message>
        <source>The mapping could not be saved: %1</source>
        <translation>无法保存对应关系：%1</translation>
    </message>
</context>
<context>
    <name>MetricsRecomputer</name>
    <message>
        <source>Could not update tiers: %1</source>
        <extracomment>tables whose change during a run makes its result out of date a run started a run ended: customers recomputed, or -1 when the figures were already current a run failed (message)</extracomment>
        <translation>无法更新客户分层：%1</translation>
    </message>
    <message numerus="yes">
        <source>Tiers and contact rhythm updated for %n customer(s).</source>
        <translation>
            <numerusform>已更新 %n 位客户的分层和维护周期。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NameListEditor</name>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Undo remove</source>
        <translation>撤销移除</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <source>Screens</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <source>Back to the previous screen or customer (Alt+←)</source>
        <translation>返回上一个页面或客户 (Alt+←)</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>前进</translation>
    </message>
    <message>
        <source>Forward again (Alt+→)</source>
        <translation>再次前进 (Alt+→)</translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation>转到%1</translation>
    </message>
    <message>
        <source>Customer · %1</source>
        <translation>客户 · %1</translation>
    </message>
    <message>
        <source>%1 — KAMDesk</source>
        <translation>%1 — KAMDesk</translation>
    </message>
</context>
<context>
    <name>NewPlanDialog</name>
    <message>
        <source>New account plan</source>
        <translation>新建客户经营计划</translation>
    </message>
    <message>
        <source>Open plan</source>
        <translation>打开计划</translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation>客户(&amp;C)：</translation>
    </message>
</context>
<context>
    <name>NotificationPanel</name>
    <message>
        <source>Reminders</source>
        <extracomment>rows drawn per group; the rest are counted (every one is still on Today/Calendar)</extracomment>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>No reminders right now.</source>
        <translation>暂无提醒。</translation>
    </message>
    <message>
        <source>Due now</source>
        <translation>现在到期</translation>
    </message>
    <message>
        <source>Missed while KAMDesk was closed</source>
        <translation>KAMDesk 关闭期间错过的提醒</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more: see Today and the Calendar</source>
        <translation>
            <numerusform>…… 另有 %n 条：请在“今日”和“日历”中查看</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpportunityDialog</name>
    <message>
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>New opportunity</source>
        <translation>新建商机</translation>
    </message>
    <message>
        <source>e.g. 50万 or 500000</source>
        <translation>如 50万 或 500000</translation>
    </message>
    <message>
        <source>e.g. price, chose a competitor, no budget</source>
        <translation>例如：价格、选择了竞争对手、没有预算</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>商机名称</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Expected value</source>
        <translation>预计金额</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>赢单概率</translation>
    </message>
    <message>
        <source>Stage target date</source>
        <translation>阶段目标日期</translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation>丢单原因</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>放弃更改？</translation>
    </message>
    <message>
        <source>The opportunity has not been saved. Discard it?</source>
        <translation>商机尚未保存，确定放弃吗？</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <source>New order</source>
        <translation>新建订单</translation>
    </message>
    <message>
        <source>Edit order</source>
        <translation>编辑订单</translation>
    </message>
    <message>
        <source>e.g. 12.5万, ￥1,234.50 or 1 234</source>
        <translation>如 12.5万、￥1,234.50 或 1 234</translation>
    </message>
    <message>
        <source>&amp;Customer *:</source>
        <translation>客户(&amp;C) *：</translation>
    </message>
    <message>
        <source>&amp;Date *:</source>
        <translation>日期(&amp;D) *：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Product line:</source>
        <translation>产品线(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Quantity:</source>
        <translation>数量(&amp;Q)：</translation>
    </message>
    <message>
        <source>&amp;Amount *:</source>
        <translation>金额(&amp;A) *：</translation>
    </message>
    <message>
        <source>&amp;Invoice no.:</source>
        <translation>发票号(&amp;I)：</translation>
    </message>
    <message>
        <source>C&amp;ontract:</source>
        <translation>合同(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— 无 —</translation>
    </message>
    <message>
        <source>Not an amount I can read exactly</source>
        <translation>无法准确识别该金额</translation>
    </message>
    <message>
        <source>Over the credit limit</source>
        <translation>超出信用限额</translation>
    </message>
    <message>
        <source>With this order the customer owes %1, over the credit limit of %2 (outstanding now %3). Save anyway?</source>
        <translation>加上这笔订单，客户应收款为 %1，超出信用限额 %2（当前应收 %3）。仍要保存吗？</translation>
    </message>
    <message>
        <source>Order saved</source>
        <translation>订单已保存</translation>
    </message>
</context>
<context>
    <name>OrdersTab</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Product line</source>
        <translation>产品线</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Invoice no.</source>
        <translation>发票号</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Add order…</source>
        <translation>新增订单…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected order (Del)</source>
        <translation>删除选中的订单（Del）</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <source>Put the last deleted order back (Ctrl+Z)</source>
        <translation>恢复最近删除的订单（Ctrl+Z）</translation>
    </message>
    <message>
        <source>By year</source>
        <translation>按年汇总</translation>
    </message>
    <message>
        <source>No orders recorded yet.</source>
        <translation>暂无订单记录。</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n 笔订单</numerusform>
        </translation>
    </message>
    <message>
        <source>total %1</source>
        <translation>合计 %1</translation>
    </message>
    <message>
        <source>average order %1</source>
        <translation>客单价 %1</translation>
    </message>
    <message>
        <source>Delete order</source>
        <translation>删除订单</translation>
    </message>
    <message>
        <source>Delete the order of %1 over %2? Ctrl+Z brings it back.</source>
        <translation>删除 %1 金额为 %2 的订单？按 Ctrl+Z 可恢复。</translation>
    </message>
    <message>
        <source>Order deleted — Ctrl+Z to undo</source>
        <translation>订单已删除 — 按 Ctrl+Z 撤销</translation>
    </message>
    <message>
        <source>The order could not be restored</source>
        <translation>订单无法恢复</translation>
    </message>
    <message>
        <source>Order restored</source>
        <translation>订单已恢复</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>业务</translation>
    </message>
    <message>
        <source>Key dates</source>
        <translation>关键日期</translation>
    </message>
    <message>
        <source>Strategy and needs</source>
        <translation>战略与需求</translation>
    </message>
    <message numerus="yes">
        <source>(%n month(s))</source>
        <translation>
            <numerusform>（%n 个月）</numerusform>
        </translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>规模</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Cooperation since</source>
        <translation>合作起始日</translation>
    </message>
    <message>
        <source>Founded on</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>no orders yet; tiered on the declared contribution</source>
        <translation>暂无订单；按申报的年度贡献值分层</translation>
    </message>
    <message>
        <source>(%1 % on the year before)</source>
        <translation>（较上一年 %1%）</translation>
    </message>
    <message>
        <source>12-month revenue</source>
        <translation>近 12 个月营收</translation>
    </message>
    <message>
        <source>Orders in 12 months</source>
        <translation>近 12 个月订单数</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>最近订单</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>信用限额</translation>
    </message>
    <message>
        <source>Share of wallet</source>
        <translation>钱包份额</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Annual contribution (declared in the sheet)</source>
        <translation>年度贡献值（表格填报）</translation>
    </message>
    <message>
        <source>Last contact (declared in the sheet)</source>
        <translation>最近互动时间（表格填报）</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>战略</translation>
    </message>
    <message>
        <source>Decision process (decision chain)</source>
        <translation>决策流程（决策链条）</translation>
    </message>
    <message>
        <source>Explicit needs</source>
        <translation>显性需求</translation>
    </message>
    <message>
        <source>Latent needs</source>
        <translation>潜在需求</translation>
    </message>
    <message>
        <source>No key dates yet — add a birthday in Key people.</source>
        <translation>暂无关键日期——可在“关键人”中添加生日。</translation>
    </message>
    <message numerus="yes">
        <source>next %1, in %n day(s)</source>
        <translation>
            <numerusform>下次 %1，还有 %n 天</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Passphrase</name>
    <message>
        <source>The book %1 is protected by a passphrase. Enter it to open the book:</source>
        <translation>客户资料库 %1 已用密码加密。请输入密码以打开：</translation>
    </message>
    <message>
        <source>That passphrase does not open the book. Try again.</source>
        <translation>密码不正确，无法打开客户资料库。请重试。</translation>
    </message>
    <message>
        <source>Protected book</source>
        <translation>加密的客户资料库</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Record payment</source>
        <translation>登记回款</translation>
    </message>
    <message>
        <source>Edit payment</source>
        <translation>编辑回款</translation>
    </message>
    <message>
        <source>e.g. 12,500.00 or 1.25万</source>
        <translation>如 12,500.00 或 1.25万</translation>
    </message>
    <message>
        <source>bank slip or bill number</source>
        <translation>银行回单号或票据号</translation>
    </message>
    <message>
        <source>&amp;Received on *:</source>
        <translation>回款日期(&amp;R) *：</translation>
    </message>
    <message>
        <source>&amp;Amount ¥ *:</source>
        <translation>金额 ¥(&amp;A) *：</translation>
    </message>
    <message>
        <source>For &amp;order:</source>
        <translation>对应订单(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>付款方式(&amp;M)：</translation>
    </message>
    <message>
        <source>Re&amp;ference:</source>
        <translation>凭证号(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>%1 %2 — %3 unpaid of %4</source>
        <translation>%1 %2——未付 %3（订单金额 %4）</translation>
    </message>
    <message>
        <source>Outstanding: %1</source>
        <translation>应收余额：%1</translation>
    </message>
    <message>
        <source>(none — settle the oldest orders first)</source>
        <translation>（不指定——先冲抵最早的订单）</translation>
    </message>
    <message>
        <source>Payment of %1 saved</source>
        <translation>已保存回款 %1</translation>
    </message>
</context>
<context>
    <name>PaymentsTab</name>
    <message>
        <source>Received</source>
        <translation>回款日期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>For order</source>
        <translation>对应订单</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Record payment…</source>
        <translation>登记回款…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected payment (Del)</source>
        <translation>删除所选回款（Del）</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <source>Put the last deleted payment back (Ctrl+Z)</source>
        <translation>恢复最近删除的回款（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Unpaid orders by age</source>
        <translation>应收账龄</translation>
    </message>
    <message>
        <source>Payments received</source>
        <translation>回款记录</translation>
    </message>
    <message>
        <source>Outstanding %1</source>
        <translation>应收余额 %1</translation>
    </message>
    <message>
        <source>paid ahead %1</source>
        <translation>预收 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s), %1 in all</source>
        <translation>
            <numerusform>%n 笔回款，合计 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>limit %1</source>
        <translation>信用额度 %1</translation>
    </message>
    <message>
        <source>%1 % used</source>
        <translation>已用 %1 %</translation>
    </message>
    <message>
        <source>rating %1</source>
        <translation>信用等级 %1</translation>
    </message>
    <message>
        <source>Delete payment</source>
        <translation>删除回款</translation>
    </message>
    <message>
        <source>Delete the payment of %1 received %2? Ctrl+Z brings it back.</source>
        <translation>删除 %2 收到的回款 %1？按 Ctrl+Z 可恢复。</translation>
    </message>
    <message>
        <source>Payment deleted — Ctrl+Z to undo</source>
        <translation>回款已删除——按 Ctrl+Z 撤销</translation>
    </message>
    <message>
        <source>The payment could not be restored</source>
        <translation>无法恢复该回款</translation>
    </message>
    <message>
        <source>Payment restored</source>
        <translation>回款已恢复</translation>
    </message>
</context>
<context>
    <name>PeopleTab</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>(archived)</source>
        <translation>（已归档）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Decision role</source>
        <translation>决策角色</translation>
    </message>
    <message>
        <source>Attitude</source>
        <translation>态度</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Relationship strength %1 of 5</source>
        <translation>关系强度 %1/5</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>主要联系人</translation>
    </message>
    <message>
        <source>Reports to</source>
        <translation>直属上级</translation>
    </message>
    <message>
        <source>Add person…</source>
        <translation>添加关键人…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>A person who left: kept in the history, hidden from the charts</source>
        <translation>已离职人员：保留在历史记录中，不在图表中显示</translation>
    </message>
    <message>
        <source>Show people who left</source>
        <translation>显示已离职人员</translation>
    </message>
    <message>
        <source>Person details</source>
        <translation>人员详情</translation>
    </message>
    <message>
        <source>Org chart (reports to)</source>
        <translation>组织架构（汇报关系）</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Role not known</source>
        <translation>角色未知</translation>
    </message>
    <message>
        <source>Stakeholders: decision role × attitude</source>
        <translation>关键人：决策角色 × 态度</translation>
    </message>
    <message>
        <source>Decision chain</source>
        <translation>决策链条</translation>
    </message>
    <message numerus="yes">
        <source>%n key person(s)</source>
        <translation>
            <numerusform>%n 位关键人</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>WeChat %1</source>
        <translation>微信 %1</translation>
    </message>
    <message>
        <source>Reach</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Best time / channel</source>
        <translation>最佳联系时间/方式</translation>
    </message>
    <message>
        <source>Communication style</source>
        <translation>沟通风格</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>关注点</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>兴趣点</translation>
    </message>
    <message>
        <source>Taboos</source>
        <translation>忌讳</translation>
    </message>
    <message>
        <source>Career goals</source>
        <translation>职业发展诉求</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Restored %1</source>
        <translation>已恢复 %1</translation>
    </message>
    <message>
        <source>Archived %1</source>
        <translation>已归档 %1</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>New key person</source>
        <translation>新建关键人</translation>
    </message>
    <message>
        <source>Edit key person</source>
        <translation>编辑关键人</translation>
    </message>
    <message>
        <source>— not known —</source>
        <translation>— 未知 —</translation>
    </message>
    <message>
        <source>1 = barely know each other, 5 = close and trusted</source>
        <translation>1 = 几乎不认识，5 = 关系密切、彼此信任</translation>
    </message>
    <message>
        <source>&amp;Primary contact for this customer</source>
        <translation>设为该客户的主要联系人(&amp;P)</translation>
    </message>
    <message>
        <source>e.g. weekdays after 10:00</source>
        <translation>如：工作日 10:00 以后</translation>
    </message>
    <message>
        <source>— any —</source>
        <translation>— 不限 —</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Solar</source>
        <translation>公历</translation>
    </message>
    <message>
        <source>Lunar (农历)</source>
        <translation>农历</translation>
    </message>
    <message>
        <source> month</source>
        <translation> 月</translation>
    </message>
    <message>
        <source> day</source>
        <translation> 日</translation>
    </message>
    <message>
        <source>leap month (闰月)</source>
        <translation>闰月</translation>
    </message>
    <message>
        <source>year unknown</source>
        <translation>年份未知</translation>
    </message>
    <message>
        <source>Direct, data-driven, likes a short agenda…</source>
        <translation>直截了当、看重数据、喜欢简短的议程…</translation>
    </message>
    <message>
        <source>Topics, gifts or habits to avoid</source>
        <translation>应避免的话题、礼品或习惯</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>A&amp;ttitude:</source>
        <translation>态度(&amp;T)：</translation>
    </message>
    <message>
        <source>O&amp;ffice:</source>
        <translation>座机(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Name *:</source>
        <translation>姓名(&amp;N) *：</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>职务(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>部门(&amp;D)：</translation>
    </message>
    <message>
        <source>Decision &amp;role:</source>
        <translation>决策角色(&amp;R)：</translation>
    </message>
    <message>
        <source>Relationship &amp;strength:</source>
        <translation>关系强度(&amp;S)：</translation>
    </message>
    <message>
        <source>Reports &amp;to:</source>
        <translation>直属上级(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Mobile:</source>
        <translation>手机(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>邮箱(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;WeChat:</source>
        <translation>微信(&amp;W)：</translation>
    </message>
    <message>
        <source>Best time / c&amp;hannel:</source>
        <translation>最佳联系时间/方式(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Birthday:</source>
        <translation>生日(&amp;B)：</translation>
    </message>
    <message>
        <source>How to work with them</source>
        <translation>沟通要点</translation>
    </message>
    <message>
        <source>Communication st&amp;yle</source>
        <translation>沟通风格(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Concerns</source>
        <translation>关注点(&amp;C)</translation>
    </message>
    <message>
        <source>Intere&amp;sts</source>
        <translation>兴趣点(&amp;S)</translation>
    </message>
    <message>
        <source>Ta&amp;boos (忌讳)</source>
        <translation>忌讳(&amp;B)</translation>
    </message>
    <message>
        <source>Career &amp;goals</source>
        <translation>职业发展诉求(&amp;G)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>— nobody on record —</source>
        <translation>— 无 —</translation>
    </message>
    <message>
        <source>next on %1</source>
        <translation>下次：%1</translation>
    </message>
    <message>
        <source>%1&apos;s birthday</source>
        <translation>%1的生日</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>PipelineScreen</name>
    <message>
        <source>Pipeline</source>
        <extracomment>card edge colours, explained by the legend</extracomment>
        <translation>商机</translation>
    </message>
    <message>
        <source>New opportunity…</source>
        <translation>新建商机…</translation>
    </message>
    <message>
        <source>Advance to next stage</source>
        <translation>推进到下一阶段</translation>
    </message>
    <message>
        <source>Open, on time</source>
        <translation>进行中，未逾期</translation>
    </message>
    <message>
        <source>Past its stage target date</source>
        <translation>已过阶段目标日</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>合同签订</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丢单</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) in this stage</source>
        <translation>
            <numerusform>已在本阶段 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Target %1</source>
        <translation>目标日 %1</translation>
    </message>
    <message>
        <source>weighted %1</source>
        <translation>加权 %1</translation>
    </message>
    <message>
        <source>Open pipeline, weighted: %1</source>
        <translation>在途商机加权金额：%1</translation>
    </message>
    <message>
        <source>→ next %1 · ⌀ %2 d</source>
        <translation>转化率 %1 · 平均 %2 天</translation>
    </message>
    <message>
        <source>Conversion: of the %1 deals that ever reached this stage, %2 went on to a later stage (the next one or beyond; lost does not count).
Average days: the mean time from entering this stage to leaving it, over the %3 stays that have ended (deals still in the stage are not counted).</source>
        <translation>转化率：曾进入本阶段的 %1 个商机中，有 %2 个之后进入了更后面的阶段（下一阶段或更后；丢单不算）。
平均天数：从进入本阶段到离开本阶段的平均天数，按已结束的 %3 次停留计算（仍在本阶段的商机不计入）。</translation>
    </message>
    <message>
        <source>Moved to %1</source>
        <translation>已移至“%1”</translation>
    </message>
    <message>
        <source>Why was the deal lost?</source>
        <translation>为什么丢单？</translation>
    </message>
    <message>
        <source>Move to %1</source>
        <translation>移至“%1”</translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>打开客户</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Could not write the PDF</source>
        <translation>无法写入 PDF</translation>
    </message>
    <message>
        <source>The file could not be written:
%1</source>
        <translation>无法写入文件：
%1</translation>
    </message>
    <message>
        <source>Export account plan</source>
        <translation>导出客户经营计划</translation>
    </message>
    <message>
        <source>Saved %1 (%2 pages)</source>
        <translation>已保存 %1（共 %2 页）</translation>
    </message>
    <message>
        <source>Opened the plan in your PDF viewer: print it from there.</source>
        <translation>已在 PDF 阅读器中打开计划，请在阅读器中打印。</translation>
    </message>
    <message>
        <source>Export pre-visit brief</source>
        <translation>导出拜访前简报</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Account plan</source>
        <extracomment>what the live figures and the stakeholder map are read from: refresh when these change</extracomment>
        <translation>客户经营计划</translation>
    </message>
    <message>
        <source>New period…</source>
        <translation>新建周期…</translation>
    </message>
    <message>
        <source>Start a plan for another period, pre-filled from the data</source>
        <translation>为另一周期新建计划，并按数据预填</translation>
    </message>
    <message>
        <source>Copy to new period…</source>
        <translation>复制到新周期…</translation>
    </message>
    <message>
        <source>Carry this plan forward: texts, objectives, open actions and risks</source>
        <translation>沿用本计划：文字内容、目标、未完成的行动和风险</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>周期(&amp;P)：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>负责人(&amp;O)：</translation>
    </message>
    <message>
        <source>This customer has no account plan yet. A new plan is pre-filled from the data: the situation, the method&apos;s strategies for the customer&apos;s tier, objectives with today&apos;s baselines and the risks the figures show.</source>
        <translation>该客户还没有客户经营计划。新计划将按数据预填：现状、方法论针对该客户分层的策略、以今日数据为基线的目标，以及数据显示的风险。</translation>
    </message>
    <message>
        <source>Create plan</source>
        <translation>创建计划</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>周期：</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>现状</translation>
    </message>
    <message>
        <source>SWOT</source>
        <translation>SWOT</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Strategies</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Action plan</source>
        <translation>行动计划</translation>
    </message>
    <message>
        <source>Stakeholders</source>
        <translation>关键人</translation>
    </message>
    <message>
        <source>Opportunities &amp;&amp; resources</source>
        <translation>机会与资源</translation>
    </message>
    <message>
        <source>Risks</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Opens the plan in your PDF viewer to print</source>
        <translation>在 PDF 阅读器中打开计划以便打印</translation>
    </message>
    <message>
        <source>Brief PDF…</source>
        <translation>拜访简报 PDF…</translation>
    </message>
    <message>
        <source>One-page pre-visit brief of this customer</source>
        <translation>该客户的单页拜访前简报</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation>价值分层</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活跃度</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康度</translation>
    </message>
    <message>
        <source>Revenue, 12 months</source>
        <translation>近 12 个月营收</translation>
    </message>
    <message>
        <source>Trend vs prior 12 months</source>
        <translation>较前 12 个月变化</translation>
    </message>
    <message>
        <source>Share of wallet</source>
        <translation>钱包份额</translation>
    </message>
    <message>
        <source>Interactions, 12 months</source>
        <translation>近 12 个月沟通次数</translation>
    </message>
    <message>
        <source>Open complaints</source>
        <translation>未结投诉</translation>
    </message>
    <message>
        <source>Latest NPS</source>
        <translation>最近 NPS</translation>
    </message>
    <message>
        <source>Latest CSAT</source>
        <translation>最近 CSAT</translation>
    </message>
    <message>
        <source>The situation in a few sentences</source>
        <translation>用几句话概述现状</translation>
    </message>
    <message>
        <source>Write from the data</source>
        <translation>按数据生成</translation>
    </message>
    <message>
        <source>Replace the summary with one written from today&apos;s figures</source>
        <translation>用按今日数据生成的概述替换当前内容</translation>
    </message>
    <message>
        <source>Situation summary</source>
        <translation>现状概述</translation>
    </message>
    <message>
        <source>One item a line</source>
        <translation>每行一项</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>优势</translation>
    </message>
    <message>
        <source>Weaknesses</source>
        <translation>劣势</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>机会</translation>
    </message>
    <message>
        <source>Threats</source>
        <translation>威胁</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Add objective</source>
        <translation>添加目标</translation>
    </message>
    <message>
        <source>Objectives are measurable: a metric, where it stands today, where it should be and by when.</source>
        <translation>目标须可衡量：指标、当前水平、目标水平及完成时间。</translation>
    </message>
    <message>
        <source>One strategy a line</source>
        <translation>每行一条策略</translation>
    </message>
    <message>
        <source>Use the method&apos;s strategies</source>
        <translation>采用方法论策略</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>行动</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Add action</source>
        <translation>添加行动</translation>
    </message>
    <message>
        <source>Make task</source>
        <translation>生成任务</translation>
    </message>
    <message>
        <source>Put the selected action on the task list with a reminder</source>
        <translation>将所选行动加入任务列表并设置提醒</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Decision role</source>
        <translation>决策角色</translation>
    </message>
    <message>
        <source>Attitude</source>
        <translation>态度</translation>
    </message>
    <message>
        <source>Influence</source>
        <translation>影响力</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近互动</translation>
    </message>
    <message>
        <source>Coverage gap</source>
        <translation>覆盖缺口</translation>
    </message>
    <message>
        <source>Notes on the decision chain for this period</source>
        <translation>本周期决策链条备注</translation>
    </message>
    <message>
        <source>Edit key people in the profile</source>
        <translation>在客户档案中编辑关键人</translation>
    </message>
    <message>
        <source>Stakeholder notes</source>
        <translation>关键人备注</translation>
    </message>
    <message>
        <source>One opportunity a line</source>
        <translation>每行一个机会</translation>
    </message>
    <message>
        <source>People, budget, support needed — one a line</source>
        <translation>所需人员、预算、支持——每行一项</translation>
    </message>
    <message>
        <source>Business opportunities</source>
        <translation>业务机会</translation>
    </message>
    <message>
        <source>Resources needed</source>
        <translation>所需资源</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Mitigation</source>
        <translation>应对措施</translation>
    </message>
    <message>
        <source>Add risk</source>
        <translation>添加风险</translation>
    </message>
    <message>
        <source>Suggest from data</source>
        <translation>按数据建议</translation>
    </message>
    <message>
        <source>Add the risks today&apos;s figures show (credit, contacts, contracts …) that are not listed yet</source>
        <translation>添加今日数据显示、但尚未列出的风险（信用、联系人、合同…）</translation>
    </message>
    <message>
        <source>Account plan — %1</source>
        <translation>客户经营计划 — %1</translation>
    </message>
    <message>
        <source>Task done</source>
        <translation>任务已完成</translation>
    </message>
    <message>
        <source>Task open</source>
        <translation>任务未完成</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Health deductions: %1</source>
        <translation>健康度扣分项：%1</translation>
    </message>
    <message>
        <source>Nothing is deducted from the health score.</source>
        <translation>健康度无扣分。</translation>
    </message>
    <message>
        <source>The method&apos;s strategy for a %1, %2 customer has %3 points.</source>
        <translation>方法论针对“%1、%2”客户的策略共 %3 条。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>No decision maker is on record.</source>
        <translation>尚无决策者记录。</translation>
    </message>
    <message>
        <source>No key people are recorded for this customer.</source>
        <translation>该客户尚无关键人记录。</translation>
    </message>
    <message>
        <source>%1 of %2 key people have a coverage gap.</source>
        <translation>%2 位关键人中有 %1 位存在覆盖缺口。</translation>
    </message>
    <message>
        <source>Every key person is covered.</source>
        <translation>所有关键人均已覆盖。</translation>
    </message>
    <message>
        <source>Row %1: </source>
        <translation>第 %1 行：</translation>
    </message>
    <message>
        <source>Account plan %1 saved</source>
        <translation>客户经营计划（%1）已保存</translation>
    </message>
    <message>
        <source>Save changes?</source>
        <translation>保存更改？</translation>
    </message>
    <message>
        <source>The plan for %1 has unsaved changes.</source>
        <translation>%1 的计划有未保存的更改。</translation>
    </message>
    <message>
        <source>Copy to new period</source>
        <translation>复制到新周期</translation>
    </message>
    <message>
        <source>New plan period</source>
        <translation>新计划周期</translation>
    </message>
    <message>
        <source>Copy the %1 plan to period (2027, 2027-H1, 2027-Q1):</source>
        <translation>将 %1 的计划复制到周期（2027、2027-H1、2027-Q1）：</translation>
    </message>
    <message>
        <source>Period of the new plan (2027, 2027-H1, 2027-Q1):</source>
        <translation>新计划的周期（2027、2027-H1、2027-Q1）：</translation>
    </message>
    <message>
        <source>There is already a plan for %1. Plans are kept per period and never overwritten: pick %1 in the Period list to edit it, or choose another period.</source>
        <translation>%1 已有计划。计划按周期分别保存，不会被覆盖：请在“周期”列表中选择 %1 进行编辑，或另选一个周期。</translation>
    </message>
    <message>
        <source>Cannot create the plan</source>
        <translation>无法创建计划</translation>
    </message>
    <message>
        <source>Account plan %1 created</source>
        <translation>已创建客户经营计划（%1）</translation>
    </message>
    <message>
        <source>Replace strategies?</source>
        <translation>替换策略？</translation>
    </message>
    <message>
        <source>Replace the strategies typed here with the method&apos;s strategies for this tier?</source>
        <translation>用方法论针对该分层的策略替换此处已填写的策略？</translation>
    </message>
    <message numerus="yes">
        <source>%n risk(s) added from the data</source>
        <translation>
            <numerusform>已按数据添加 %n 项风险</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an action first.</source>
        <translation>请先选择一项行动。</translation>
    </message>
    <message>
        <source>Task created, reminder %1</source>
        <translation>已创建任务，提醒时间 %1</translation>
    </message>
</context>
<context>
    <name>PlanListModel</name>
    <message>
        <source>Code</source>
        <extracomment>what the plan list is read from: it goes stale when these change</extracomment>
        <translation>编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>分层</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活跃度</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>未完成行动</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
</context>
<context>
    <name>PlansScreen</name>
    <message>
        <source>Find by customer, code or period…</source>
        <translation>按客户、编号或周期查找…</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部分层</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>New plan…</source>
        <translation>新建计划…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Brief PDF…</source>
        <translation>拜访简报 PDF…</translation>
    </message>
    <message>
        <source>Batch export…</source>
        <translation>批量导出…</translation>
    </message>
    <message>
        <source>Print the plans of a whole tier into one folder</source>
        <translation>将一个分层的全部计划导出到同一文件夹，以便打印</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>分层</translation>
    </message>
    <message numerus="yes">
        <source>%n plan(s)</source>
        <translation>
            <numerusform>%n 份计划</numerusform>
        </translation>
    </message>
    <message>
        <source>No plan matches this search or tier.</source>
        <translation>没有符合此搜索或分层的计划。</translation>
    </message>
    <message>
        <source>No account plans yet.

An account plan sets a key customer&apos;s objectives, actions and risks for a period. Start one with “New plan…”, or from a customer&apos;s profile (Plans tab). A-tier customers should each have one.</source>
        <translation>还没有客户经营计划。

客户经营计划为重点客户设定一个周期内的目标、行动和风险。点击“新建计划…”开始，或在客户档案的“经营计划”页中新建。每位 A 类客户都应有一份。</translation>
    </message>
</context>
<context>
    <name>PlansTab</name>
    <message>
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>未完成行动</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>No account plan for this customer yet.

A plan sets the customer&apos;s objectives, actions and risks for a period, from the figures on this profile.</source>
        <translation>该客户还没有客户经营计划。

计划依据本档案中的数据，为该客户设定一个周期内的目标、行动和风险。</translation>
    </message>
    <message>
        <source>New plan…</source>
        <translation>新建计划…</translation>
    </message>
    <message>
        <source>Start a plan for this customer for a new period</source>
        <translation>为该客户的新周期制定计划</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message numerus="yes">
        <source>%n plan(s)</source>
        <translation>
            <numerusform>%n 份计划</numerusform>
        </translation>
    </message>
    <message>
        <source>Start a plan…</source>
        <translation>制定计划…</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Nothing has been imported yet. Check what will change.</source>
        <translation>尚未导入任何数据。请核对将发生的变化。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现值</translation>
    </message>
    <message>
        <source>After import</source>
        <translation>导入后</translation>
    </message>
    <message>
        <source>Name in the file</source>
        <translation>文件中的名称</translation>
    </message>
    <message>
        <source>Looks like</source>
        <translation>疑似</translation>
    </message>
    <message>
        <source>Same</source>
        <translation>相同项</translation>
    </message>
    <message>
        <source>Left out because</source>
        <translation>未导入原因</translation>
    </message>
    <message>
        <source>Import the good rows only (skip the rows with problems)</source>
        <translation>只导入无误的行（跳过有问题的行）</translation>
    </message>
    <message>
        <source>Rows that look like a customer already in the book:</source>
        <translation>疑似已有客户的行：</translation>
    </message>
    <message>
        <source>%1: %2 new, %3 updated, %4 unchanged; %5 rows with problems; %6 blank or total rows left out.</source>
        <translation>%1：新增 %2，更新 %3，无变化 %4；有问题的行 %5；未导入的空行或合计行 %6。</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Likely duplicates</source>
        <translation>疑似重复</translation>
    </message>
    <message>
        <source>Rows left out</source>
        <translation>未导入的行</translation>
    </message>
    <message>
        <source>Required columns are missing; go back and map them.</source>
        <translation>缺少必填列；请返回对应。</translation>
    </message>
    <message>
        <source>%1 rows have problems. Fix them in the file and open it again, or tick “Import the good rows only”.</source>
        <translation>%1 行有问题。请在文件中改正后重新打开，或勾选“只导入无误的行”。</translation>
    </message>
    <message>
        <source>Nothing to import: every row is already in the book.</source>
        <translation>没有需要导入的内容：所有行都已在客户库中。</translation>
    </message>
</context>
<context>
    <name>ProductsTab</name>
    <message>
        <source>Product line</source>
        <translation>产品线</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>近 12 个月</translation>
    </message>
    <message>
        <source>Orders (12 m)</source>
        <translation>订单数（12 个月）</translation>
    </message>
    <message>
        <source>Last 24 months</source>
        <translation>近 24 个月</translation>
    </message>
    <message>
        <source>Orders (24 m)</source>
        <translation>订单数（24 个月）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Edit product lines…</source>
        <translation>编辑产品线…</translation>
    </message>
    <message>
        <source>Not on your product list</source>
        <translation>不在产品线清单中</translation>
    </message>
    <message>
        <source>Product lines as found in the orders book: keep your own list in Settings → Product lines.</source>
        <translation>产品线取自订单记录：可在“设置 → 产品线”中维护自己的清单。</translation>
    </message>
    <message>
        <source>No product lines yet: list the lines you sell in Settings, or record orders with a product line.</source>
        <translation>尚无产品线：请在“设置”中列出所售产品线，或在订单中填写产品线。</translation>
    </message>
    <message>
        <source>Buys %1 of %2 product lines in the last 12 months (%3 %)</source>
        <translation>近 12 个月购买了 %2 条产品线中的 %1 条（渗透率 %3 %）</translation>
    </message>
    <message>
        <source>Opportunities — not bought in 24 months: %1</source>
        <translation>空白机会（近 24 个月未购买）：%1</translation>
    </message>
    <message>
        <source>Lapsed — not bought in the last 12 months: %1</source>
        <translation>已停购（近 12 个月未再购买）：%1</translation>
    </message>
</context>
<context>
    <name>ProfileHeaderWidget</name>
    <message>
        <source>Back to list</source>
        <translation>返回列表</translation>
    </message>
    <message>
        <source>Back to the customer list (Alt+Left)</source>
        <translation>返回客户列表（Alt+Left）</translation>
    </message>
    <message>
        <source>Log contact</source>
        <translation>记录沟通</translation>
    </message>
    <message>
        <source>Account plan…</source>
        <translation>经营计划…</translation>
    </message>
    <message>
        <source>Open this customer&apos;s account plan, or start one</source>
        <translation>打开该客户的客户经营计划，或新建一份</translation>
    </message>
    <message>
        <source>Brief</source>
        <translation>拜访简报</translation>
    </message>
    <message>
        <source>One-page pre-visit brief (PDF)</source>
        <translation>单页拜访前简报（PDF）</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康度</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Bring the customer back into the lists</source>
        <translation>将客户恢复到列表中</translation>
    </message>
    <message>
        <source>Hide the customer from lists and reminders; the history is kept</source>
        <translation>在列表和提醒中隐藏该客户，历史记录仍保留</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Not enough history to judge value or activity</source>
        <translation>历史记录不足，暂不判定价值分层和活跃状态</translation>
    </message>
    <message>
        <source>Recency %1 · Frequency %2 · Monetary %3 (1–5)</source>
        <translation>最近消费 %1 · 消费频率 %2 · 消费金额 %3（1–5 分）</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>负责人：%1</translation>
    </message>
    <message>
        <source>Never contacted</source>
        <translation>从未联系</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n 天前</numerusform>
        </translation>
    </message>
    <message>
        <source>Last contact: %1 (%2)</source>
        <translation>最近互动：%1（%2）</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系</translation>
    </message>
    <message>
        <source>Next: %1 by %2</source>
        <translation>下一步：%1（%2 前）</translation>
    </message>
    <message>
        <source>Next: %1 — not yet done (due with the next contact, %2)</source>
        <translation>下一步：%1 — 尚未进行（随下次联系一并完成，%2）</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>not enough history yet</source>
        <translation>历史记录不足，暂不评分</translation>
    </message>
    <message>
        <source>A new customer: no orders, contacts or declared figures yet. Tier, activity and health are judged once there is some history.</source>
        <translation>新客户：尚无订单、沟通记录或填报数据。有了一定历史记录后再判定分层、活跃状态和健康度。</translation>
    </message>
    <message>
        <source>no warning signs</source>
        <translation>无预警信号</translation>
    </message>
    <message>
        <source>Credit %1</source>
        <translation>信用 %1 级</translation>
    </message>
    <message>
        <source>over limit</source>
        <translation>超出额度</translation>
    </message>
    <message>
        <source>over limit (%1 %)</source>
        <translation>超出额度（%1 %）</translation>
    </message>
    <message>
        <source>credit %1 % used</source>
        <translation>信用额度已用 %1 %</translation>
    </message>
    <message>
        <source>Outstanding %1</source>
        <translation>应收余额 %1</translation>
    </message>
    <message>
        <source>limit %1</source>
        <translation>信用额度 %1</translation>
    </message>
    <message>
        <source>Credit reviewed %1</source>
        <translation>信用评估日期 %1</translation>
    </message>
</context>
<context>
    <name>ProfileScreen</name>
    <message>
        <source>This customer no longer exists.</source>
        <translation>该客户已不存在。</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Key people</source>
        <translation>关键人</translation>
    </message>
    <message>
        <source>Contact log</source>
        <translation>沟通记录</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>回款</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品渗透</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>经营计划</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Health &amp;&amp; history</source>
        <translation>健康度与历史</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>History</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <source>Archived %1</source>
        <translation>已归档 %1</translation>
    </message>
    <message>
        <source>Restored %1</source>
        <translation>已恢复 %1</translation>
    </message>
</context>
<context>
    <name>ReminderPopup</name>
    <message>
        <source>Hide (the reminders stay in the list under the bell)</source>
        <translation>隐藏（提醒仍保留在铃铛下的列表中）</translation>
    </message>
    <message>
        <source>Missed while KAMDesk was closed (%1)</source>
        <translation>KAMDesk 关闭期间错过的提醒（%1）</translation>
    </message>
    <message>
        <source>%1 reminders, %2 missed while KAMDesk was closed</source>
        <translation>%1 条提醒，其中 %2 条在 KAMDesk 关闭期间错过</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>%1 reminders</source>
        <translation>%1 条提醒</translation>
    </message>
    <message>
        <source>+%1 more — show all</source>
        <translation>另有 %1 条——查看全部</translation>
    </message>
</context>
<context>
    <name>ReminderRowWidget</name>
    <message>
        <source>due %1</source>
        <translation>%1 到期</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>已错过</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>稍后提醒</translation>
    </message>
    <message>
        <source>15 minutes</source>
        <translation>15 分钟</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>Tomorrow 9:00</source>
        <translation>明天 9:00</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
</context>
<context>
    <name>ReminderService</name>
    <message>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>已完成。</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>已推迟至 %1</translation>
    </message>
</context>
<context>
    <name>ReportTable</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Save as CSV…</source>
        <translation>另存为 CSV…</translation>
    </message>
    <message>
        <source>Save as CSV</source>
        <translation>另存为 CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>Review by month, quarter or year</source>
        <translation>按月、季度或年复盘</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>上一期</translation>
    </message>
    <message>
        <source>Next period</source>
        <translation>下一期</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>本期</translation>
    </message>
    <message>
        <source>The period that holds today</source>
        <translation>今天所在的周期</translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation>正在读取数据…</translation>
    </message>
    <message>
        <source>Export review PDF…</source>
        <translation>导出复盘 PDF…</translation>
    </message>
    <message>
        <source>The review of this period as a PDF: KPI table with targets and changes, trends, tier movements, complaints and an actions list (月度复盘)</source>
        <translation>将本期复盘导出为 PDF：KPI 表（含目标与变化）、趋势图、客户分级变动、投诉及行动清单（月度复盘）</translation>
    </message>
    <message>
        <source>Review of %1</source>
        <translation>%1 复盘</translation>
    </message>
    <message>
        <source>compared with %1</source>
        <translation>对比 %1</translation>
    </message>
    <message>
        <source>This period has not begun: no figures yet.</source>
        <translation>该周期尚未开始，暂无数据。</translation>
    </message>
    <message>
        <source>The period is under way: figures up to %1 (day %2 of %3), compared with the whole of %4.</source>
        <translation>本期尚未结束：数据截至 %1（第 %2 天，共 %3 天），对比 %4 全期。</translation>
    </message>
    <message>
        <source>Figures for the whole period.</source>
        <translation>数据覆盖整个周期。</translation>
    </message>
    <message>
        <source>Hover a tile for its definition; click it to list the customers behind the figure. Targets are yours to set (Set target…); the dashed line on a chart is the target.</source>
        <translation>鼠标悬停在卡片上可查看指标定义；点击卡片可列出该数据背后的客户。目标值由您设定（设定目标…），图中虚线即目标线。</translation>
    </message>
    <message>
        <source>Export review PDF</source>
        <translation>导出复盘 PDF</translation>
    </message>
    <message>
        <source>review-%1.pdf</source>
        <translation>数据复盘-%1.pdf</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <source>Resolve complaint</source>
        <translation>解决投诉</translation>
    </message>
    <message>
        <source>&amp;Resolution:</source>
        <translation>处理结果(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Backup taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Schema revision</source>
        <translation>结构版本</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Contact log entries</source>
        <translation>沟通记录</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Your current book (%1) is backed up first, then replaced by this backup.</source>
        <translation>将先备份当前数据库（%1），再用此备份替换。</translation>
    </message>
    <message>
        <source>The backup is from an older KAMDesk; it is upgraded after the restore.</source>
        <translation>该备份来自旧版 KAMDesk，恢复后将自动升级。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>导入后</translation>
    </message>
    <message>
        <source>Undo this import</source>
        <translation>撤销本次导入</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>导入已取消</translation>
    </message>
    <message>
        <source>The import was cancelled. Nothing was imported; the book is as it was.</source>
        <translation>导入已取消。未导入任何数据，客户库保持原样。</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>The import did not finish. Nothing was imported; the book is as it was.</source>
        <translation>导入未完成。未导入任何数据，客户库保持原样。</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>%1 new, %2 updated, %3 unchanged. %4 rows with problems were skipped; %5 likely duplicates were skipped.</source>
        <translation>新增 %1，更新 %2，无变化 %3。跳过有问题的行 %4 行；跳过疑似重复 %5 行。</translation>
    </message>
    <message>
        <source>Recorded as import no. %1 (it can be undone from File ▸ Undo last import, or here).</source>
        <translation>已记录为第 %1 次导入（可在“文件 ▸ 撤销上次导入”或此处撤销）。</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>未写入任何数据。</translation>
    </message>
    <message>
        <source>Take back everything this import wrote?</source>
        <translation>撤销本次导入写入的全部内容？</translation>
    </message>
    <message>
        <source>This import was already undone.</source>
        <translation>此次导入已撤销。</translation>
    </message>
    <message>
        <source>The import cannot be undone: a record it wrote was edited or deleted since.</source>
        <translation>无法撤销导入：它写入的记录此后已被修改或删除。</translation>
    </message>
    <message>
        <source>The import cannot be undone: records were added since to what it imported.</source>
        <translation>无法撤销导入：此后已有记录添加到它导入的内容上。</translation>
    </message>
    <message>
        <source>The import was undone: the book is as it was before.</source>
        <translation>导入已撤销：客户库恢复到导入前的样子。</translation>
    </message>
</context>
<context>
    <name>RowActions</name>
    <message numerus="yes">
        <source>%n customer(s) selected</source>
        <translation>
            <numerusform>已选 %n 位客户</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RowTable</name>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, empty if none</source>
        <translation>YYYY-MM-DD，没有可留空</translation>
    </message>
</context>
<context>
    <name>SelectionPlansDialog</name>
    <message numerus="yes">
        <source>Export plans of %n selected customer(s)</source>
        <translation>
            <numerusform>导出所选 %n 位客户的经营计划</numerusform>
        </translation>
    </message>
    <message>
        <source>The selected customers, whatever their tier</source>
        <translation>所选客户，不论分层</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Tiering</source>
        <translation>客户分层</translation>
    </message>
    <message>
        <source>Product lines</source>
        <translation>产品线</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Value tiers (annual contribution)</source>
        <translation>价值分层（年度贡献值）</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>分层方法</translation>
    </message>
    <message>
        <source>Revenue window</source>
        <translation>营收统计期</translation>
    </message>
    <message>
        <source>High value: top share of customers</source>
        <translation>高价值：排名靠前的客户占比</translation>
    </message>
    <message>
        <source>Middle value: next share of customers</source>
        <translation>中价值：其后的客户占比</translation>
    </message>
    <message>
        <source>High value: customers making the first share of revenue</source>
        <translation>高价值：贡献前段营收的客户（累计占比）</translation>
    </message>
    <message>
        <source>Middle value: the next share of revenue</source>
        <translation>中价值：其后的营收累计占比</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活跃度</translation>
    </message>
    <message>
        <source>Silent after no contact or order for</source>
        <translation>判定沉默：无沟通且无订单满</translation>
    </message>
    <message>
        <source>Churned after no order for</source>
        <translation>判定流失：无订单满</translation>
    </message>
    <message>
        <source>Classification in use</source>
        <translation>使用的客户分类</translation>
    </message>
    <message>
        <source>Use the classification stated in imported sheets</source>
        <translation>使用导入表格中填报的客户类型</translation>
    </message>
    <message>
        <source>Use computed tiers</source>
        <translation>使用按业务数据计算的分级</translation>
    </message>
    <message>
        <source>Customer type (客户类型)</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Applies to customers whose sheet stated a type; a customer switched on its profile keeps its own choice.</source>
        <translation>适用于表格中填报了客户类型的客户；在客户档案中单独切换过的客户保持其自己的选择。</translation>
    </message>
    <message>
        <source>Contact rhythm</source>
        <translation>维护周期</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Contact high-value customers every</source>
        <translation>高价值客户联系周期</translation>
    </message>
    <message>
        <source>Contact middle-value customers every</source>
        <translation>中价值客户联系周期</translation>
    </message>
    <message>
        <source>Contact low-value customers every</source>
        <translation>低价值客户联系周期</translation>
    </message>
    <message>
        <source>Executive visit (high value) every</source>
        <translation>高层互访周期（高价值）</translation>
    </message>
    <message>
        <source>Satisfaction check (middle value) every</source>
        <translation>满意度调研周期（中价值）</translation>
    </message>
    <message>
        <source>Saving recomputes every customer&apos;s tier in the background.</source>
        <translation>保存后将在后台重新计算所有客户的分层。</translation>
    </message>
    <message>
        <source>The product lines you sell, in the order you want them shown. Each customer&apos;s Products tab and account plan show which of them the customer does not buy yet.</source>
        <translation>您销售的产品线，按希望显示的顺序排列。每位客户的“产品渗透”页和客户经营计划会列出客户尚未购买的产品线。</translation>
    </message>
    <message>
        <source>No list kept yet: these are the product lines found in your orders. Edit them to keep your own list; remove them all to follow the orders again.</source>
        <translation>尚未维护清单：以下为订单中出现的产品线。编辑后即保存为您自己的清单；全部移除则重新以订单为准。</translation>
    </message>
    <message>
        <source>You</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <source>Owner of the contacts you log</source>
        <translation>记录沟通时默认作为负责人</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Connect to a team database…</source>
        <translation>连接团队数据库…</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Appearance and behaviour</source>
        <translation>外观与行为</translation>
    </message>
    <message>
        <source>A new language applies after a restart.</source>
        <translation>更改语言将在重启后生效。</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Closing the window keeps reminders running in the tray</source>
        <translation>关闭窗口后在系统托盘中继续运行提醒</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Remind me before a key date</source>
        <translation>关键日期提前提醒</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Cooperation anniversary</source>
        <translation>合作周年</translation>
    </message>
    <message>
        <source>Founding day</source>
        <translation>成立纪念日</translation>
    </message>
    <message>
        <source>Festival</source>
        <translation>节日</translation>
    </message>
    <message>
        <source> days before</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>High and middle value together cannot be more than 100 % of customers.</source>
        <translation>高价值与中价值合计不能超过客户数的 100%。</translation>
    </message>
    <message>
        <source>High and middle value together cannot be more than 100 % of revenue.</source>
        <translation>高价值与中价值合计不能超过营收的 100%。</translation>
    </message>
    <message>
        <source>A customer must go silent before churning: the silent period has to be shorter than the churn period.</source>
        <translation>客户先沉默后流失：沉默判定期必须短于流失判定期。</translation>
    </message>
    <message>
        <source>The product line “%1” is listed twice.</source>
        <translation>产品线“%1”重复列出。</translation>
    </message>
    <message>
        <source>A product line name can be at most %1 characters.</source>
        <translation>产品线名称最多 %1 个字符。</translation>
    </message>
    <message>
        <source>At most %1 product lines can be listed.</source>
        <translation>最多可列出 %1 条产品线。</translation>
    </message>
    <message>
        <source>Low value: the remaining %1 % of customers</source>
        <translation>低价值：其余 %1% 的客户</translation>
    </message>
    <message>
        <source>Low value: customers making the last %1 % of revenue</source>
        <translation>低价值：贡献最后 %1% 营收的客户</translation>
    </message>
    <message>
        <source>Settings saved. Updating every customer&apos;s tier…</source>
        <translation>设置已保存。正在更新所有客户的分层…</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>放弃更改？</translation>
    </message>
    <message>
        <source>You have changed some settings. Discard the changes?</source>
        <translation>部分设置已修改，确定放弃更改吗？</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <source>&amp;Keep this record</source>
        <translation>保留此记录(&amp;K)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Key people</source>
        <translation>关键人</translation>
    </message>
    <message>
        <source>Contact log entries</source>
        <translation>互动记录</translation>
    </message>
    <message>
        <source>Orders and returns</source>
        <translation>订单与退货</translation>
    </message>
    <message>
        <source>Other records</source>
        <translation>其他记录</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近互动</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>StartProblem</name>
    <message>
        <source>Create a new book here</source>
        <extracomment>what each kind of problem lets the user do (besides choosing another file or quitting)</extracomment>
        <translation>在此新建客户资料库</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>只读打开</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Choose another file…</source>
        <translation>选择其他文件…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Latest backups (in %1):</source>
        <translation>最近的备份（位于 %1）：</translation>
    </message>
    <message>
        <source>Choose a KAMDesk book</source>
        <translation>选择 KAMDesk 客户资料库</translation>
    </message>
    <message>
        <source>KAMDesk books (*.sqlite3 *.db *.sqlite);;All files (*)</source>
        <translation>KAMDesk 客户资料库 (*.sqlite3 *.db *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Read-only: this book is open read-only; changes cannot be saved.</source>
        <translation>只读：此客户资料库以只读方式打开，改动无法保存。</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
</context>
<context>
    <name>SurveyDialog</name>
    <message>
        <source>Record survey answer</source>
        <translation>记录满意度调研</translation>
    </message>
    <message>
        <source>Edit survey answer</source>
        <translation>编辑满意度调研</translation>
    </message>
    <message>
        <source>(not asked)</source>
        <translation>（未调研）</translation>
    </message>
    <message>
        <source>How likely is the customer to recommend us? 9–10 promoter, 7–8 passive, 0–6 detractor</source>
        <translation>客户向他人推荐我们的可能性？9–10 分为推荐者，7–8 分为中立者，0–6 分为贬损者</translation>
    </message>
    <message>
        <source>(the customer)</source>
        <translation>（客户整体）</translation>
    </message>
    <message>
        <source>&amp;Answered on *:</source>
        <translation>调研日期(&amp;A) *：</translation>
    </message>
    <message>
        <source>&amp;CSAT (1–5):</source>
        <translation>满意度 CSAT（1-5分）(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;NPS (0–10):</source>
        <translation>推荐度 NPS（0-10分）(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Who answered:</source>
        <translation>答复人(&amp;W)：</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>调研方式(&amp;H)：</translation>
    </message>
    <message>
        <source>Co&amp;mment:</source>
        <translation>意见(&amp;M)：</translation>
    </message>
    <message>
        <source>Survey answer saved</source>
        <translation>满意度调研已保存</translation>
    </message>
</context>
<context>
    <name>SurveysTab</name>
    <message>
        <source>Answered</source>
        <translation>调研日期</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>净推荐值（NPS）</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>答复人</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>沟通方式</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>CSAT: the average 1–5 score. NPS: % promoters (9–10) minus % detractors (0–6) over all answers with an NPS score.</source>
        <translation>满意度：1-5 分的平均分。NPS：在所有有推荐度评分的答复中，推荐者（9–10 分）占比减去贬损者（0–6 分）占比。</translation>
    </message>
    <message>
        <source>Record survey…</source>
        <translation>记录满意度调研…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected answer (Del)</source>
        <translation>删除所选答复（Del）</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <source>Put the last deleted answer back (Ctrl+Z)</source>
        <translation>恢复最近删除的答复（Ctrl+Z）</translation>
    </message>
    <message>
        <source>No survey answers yet.</source>
        <translation>尚无满意度调研记录。</translation>
    </message>
    <message>
        <source>Average CSAT %1 (%2 answers) · NPS %3 (%4 answers)</source>
        <translation>平均满意度 %1（%2 份答复）· NPS %3（%4 份答复）</translation>
    </message>
    <message>
        <source>Delete survey answer</source>
        <translation>删除满意度调研</translation>
    </message>
    <message>
        <source>Delete the answer of %1? Ctrl+Z brings it back.</source>
        <translation>删除 %1 的调研答复？按 Ctrl+Z 可恢复。</translation>
    </message>
    <message>
        <source>Survey answer deleted — Ctrl+Z to undo</source>
        <translation>满意度调研已删除 — 按 Ctrl+Z 撤销</translation>
    </message>
    <message>
        <source>The survey answer could not be restored</source>
        <translation>无法恢复该满意度调研</translation>
    </message>
    <message>
        <source>Survey answer restored</source>
        <translation>满意度调研已恢复</translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <source>Edit tag</source>
        <translation>编辑标签</translation>
    </message>
    <message>
        <source>New tag</source>
        <translation>新建标签</translation>
    </message>
    <message>
        <source>Tag name</source>
        <translation>标签名称</translation>
    </message>
    <message>
        <source>Tag colour</source>
        <translation>标签颜色</translation>
    </message>
    <message>
        <source>Colour %1</source>
        <translation>颜色 %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Discard this tag?</source>
        <translation>放弃这个标签？</translation>
    </message>
</context>
<context>
    <name>TagStrip</name>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Tags…</source>
        <translation>标签…</translation>
    </message>
    <message>
        <source>Add or remove this customer&apos;s tags</source>
        <translation>添加或去掉该客户的标签</translation>
    </message>
    <message>
        <source>No tags</source>
        <translation>无标签</translation>
    </message>
    <message>
        <source>New tag…</source>
        <translation>新建标签…</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>新建任务</translation>
    </message>
    <message>
        <source>What to do, e.g. Visit to review the quarter</source>
        <translation>要做什么，如：拜访客户做季度回顾</translation>
    </message>
    <message>
        <source>Optional: name, code or pinyin</source>
        <translation>可选：名称、编号或拼音</translation>
    </message>
    <message>
        <source>No reminder</source>
        <translation>不提醒</translation>
    </message>
    <message>
        <source>At the due time</source>
        <translation>到期时</translation>
    </message>
    <message>
        <source>15 minutes before</source>
        <translation>提前 15 分钟</translation>
    </message>
    <message>
        <source>1 hour before</source>
        <translation>提前 1 小时</translation>
    </message>
    <message>
        <source>1 day before</source>
        <translation>提前 1 天</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>标记完成</translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>放弃更改？</translation>
    </message>
    <message>
        <source>You have changed this task. Discard the changes?</source>
        <translation>此任务已修改，确定放弃更改吗？</translation>
    </message>
</context>
<context>
    <name>TaskTableModel</name>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Done %1</source>
        <translation>已于 %1 完成</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>推迟至 %1</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>无日期</translation>
    </message>
</context>
<context>
    <name>TasksScreen</name>
    <message>
        <source>Tasks</source>
        <extracomment>each entry: the ids one bulk &quot;Done&quot; finished (what Undo reopens)</extracomment>
        <translation>任务</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>已推迟</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>任意时间</translation>
    </message>
    <message>
        <source>Overdue and today</source>
        <translation>逾期及今日</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>以后</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>无日期</translation>
    </message>
    <message>
        <source>Customer…</source>
        <translation>客户…</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Any source</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <source>My commitments</source>
        <translation>我的承诺事项</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>标记完成</translation>
    </message>
    <message>
        <source>Snooze ▾</source>
        <translation>推迟 ▾</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>Tomorrow 9:00</source>
        <translation>明天 9:00</translation>
    </message>
    <message>
        <source>One week</source>
        <translation>一周</translation>
    </message>
    <message>
        <source>Reassign…</source>
        <translation>转交…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <source>Nobody assigned</source>
        <translation>未指定负责人</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n 项任务</numerusform>
        </translation>
    </message>
    <message>
        <source>No tasks match these filters.</source>
        <translation>没有符合这些筛选条件的任务。</translation>
    </message>
    <message>
        <source>No open tasks. A next action written in Log contact, a key date&apos;s reminder or a plan&apos;s action becomes a task here; add your own in the Calendar (New task…).</source>
        <translation>没有未完成的任务。在“记录沟通”中写下的后续行动、关键日期提醒和经营计划中的行动都会成为这里的任务；也可以在日历中用“新建任务…”自己添加。</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>已选 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) done.</source>
        <translation>
            <numerusform>已完成 %n 项任务。</numerusform>
        </translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>转交</translation>
    </message>
    <message>
        <source>New owner:</source>
        <translation>新负责人：</translation>
    </message>
</context>
<context>
    <name>TasksTab</name>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>相关人</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Show done</source>
        <translation>显示已完成</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>标记完成</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message numerus="yes">
        <source>%n open task(s)</source>
        <translation>
            <numerusform>%n 项未完成任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 项逾期</numerusform>
        </translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>已完成：%1</translation>
    </message>
    <message>
        <source>Reopened: %1</source>
        <translation>已重新打开：%1</translation>
    </message>
</context>
<context>
    <name>TeamConnect</name>
    <message>
        <source>The server refused this role&apos;s password. Check the password (ask your administrator if needed).</source>
        <extracomment>the QSettings key of the remembered team database (a URL without password)</extracomment>
        <translation>服务器拒绝了该角色的密码。请检查密码（如有需要请询问管理员）。</translation>
    </message>
    <message>
        <source>The server has no such role. Ask your administrator to add you (kamdesk team add-member).</source>
        <translation>服务器上没有该角色。请管理员添加您（kamdesk team add-member）。</translation>
    </message>
    <message>
        <source>The server has no database of this name.</source>
        <translation>服务器上没有该名称的数据库。</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the host, the port and the network (VPN?).</source>
        <translation>无法连接服务器。请检查主机、端口和网络（VPN？）。</translation>
    </message>
    <message>
        <source>The database holds no KAMDesk book yet. Your administrator opens it once to create it.</source>
        <translation>该数据库中还没有 KAMDesk 客户档案。请管理员先打开一次以创建。</translation>
    </message>
    <message>
        <source>Cannot connect to the team database.</source>
        <translation>无法连接团队数据库。</translation>
    </message>
</context>
<context>
    <name>TeamConnectDialog</name>
    <message>
        <source>Connect to a team database</source>
        <translation>连接团队数据库</translation>
    </message>
    <message>
        <source>Work on your team&apos;s shared book on a PostgreSQL server. You see your own accounts; a team lead sees all. The password is kept in the system keyring.</source>
        <translation>在 PostgreSQL 服务器上使用团队共享的客户档案。您看到自己负责的客户；团队主管可看到全部。密码保存在系统密钥环中。</translation>
    </message>
    <message>
        <source>&amp;Server (host):</source>
        <translation>服务器（主机）(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <source>Your &amp;role (user name):</source>
        <translation>您的角色（用户名）(&amp;R)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Use the book on this computer</source>
        <translation>使用本机上的客户档案</translation>
    </message>
    <message>
        <source>Fill in the server, the database and your role.</source>
        <translation>请填写服务器、数据库和您的角色。</translation>
    </message>
    <message>
        <source>Connected: the team database answers.</source>
        <translation>已连接：团队数据库响应正常。</translation>
    </message>
    <message>
        <source>The password could not be kept in the system keyring (%1). Without it KAMDesk cannot open the team database at start.</source>
        <translation>无法将密码保存到系统密钥环（%1）。没有它，KAMDesk 启动时无法打开团队数据库。</translation>
    </message>
    <message>
        <source>KAMDesk opens the team database from the next start.</source>
        <translation>KAMDesk 将从下次启动起打开团队数据库。</translation>
    </message>
    <message>
        <source>KAMDesk opens the book on this computer from the next start.</source>
        <translation>KAMDesk 将从下次启动起打开本机上的客户档案。</translation>
    </message>
    <message>
        <source>Restart KAMDesk now?</source>
        <translation>现在重新启动 KAMDesk 吗？</translation>
    </message>
</context>
<context>
    <name>TodayCard</name>
    <message>
        <source>Show fewer</source>
        <extracomment>rows shown per card before &quot;Show all&quot; rows shown before &quot;Show all&quot;; None: every row (the key-dates card folds by day) a link in the foot to the whole list elsewhere (:meth:`add_more_link`)</extracomment>
        <translation>收起</translation>
    </message>
    <message numerus="yes">
        <source>Show %n more</source>
        <translation>
            <numerusform>展开其余 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>另有 %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayRows</name>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>明天</translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>%n 天后</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n 天前</numerusform>
        </translation>
    </message>
    <message>
        <source>overdue since %1</source>
        <translation>自 %1 起逾期</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>%1 到期</translation>
    </message>
    <message>
        <source>reminder %1, due %2</source>
        <translation>提醒 %1，%2 到期</translation>
    </message>
    <message>
        <source>reminder %1</source>
        <translation>提醒 %1</translation>
    </message>
    <message>
        <source>Log contact</source>
        <translation>记录沟通</translation>
    </message>
    <message>
        <source>Open profile</source>
        <translation>打开客户档案</translation>
    </message>
    <message>
        <source>15 minutes</source>
        <translation>15 分钟</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>Tomorrow 9:00</source>
        <translation>明天 9:00</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>稍后提醒</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>One week</source>
        <translation>一周</translation>
    </message>
    <message>
        <source>Snooze: not today</source>
        <translation>推迟：今天先不联系</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n year(s))</source>
        <translation>
            <numerusform>%1（%n 周年）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2, %3</source>
        <translation>%1 %2，%3</translation>
    </message>
    <message>
        <source>Copy the suggested greeting</source>
        <translation>复制建议的祝福语</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>greet %1 high-value and %2 middle-value customers</source>
        <translation>向 %1 位高价值客户和 %2 位中价值客户致以问候</translation>
    </message>
    <message>
        <source>For %1 customers</source>
        <translation>用于%1客户</translation>
    </message>
    <message>
        <source>Copy a greeting for a value tier</source>
        <translation>复制适用于某一价值分层的祝福语</translation>
    </message>
    <message>
        <source>Copy ▾</source>
        <translation>复制 ▾</translation>
    </message>
    <message>
        <source>12-month revenue %1</source>
        <translation>近 12 个月营收 %1</translation>
    </message>
    <message>
        <source>last contact %1</source>
        <translation>最近互动 %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) past the deadline</source>
        <translation>
            <numerusform>已超时 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) past the deadline</source>
        <translation>
            <numerusform>已超时 %n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) past the deadline</source>
        <translation>
            <numerusform>已超时 %n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>answer within %n hour(s)</source>
        <translation>
            <numerusform>须在 %n 小时内响应</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>answer within %n minute(s)</source>
        <translation>
            <numerusform>须在 %n 分钟内响应</numerusform>
        </translation>
    </message>
    <message>
        <source>Open complaint</source>
        <translation>打开投诉</translation>
    </message>
    <message>
        <source>ended %1, %2</source>
        <translation>已于 %1 到期（%2）</translation>
    </message>
    <message>
        <source>ends %1, %2</source>
        <translation>%1 到期（%2）</translation>
    </message>
    <message>
        <source>over limit</source>
        <translation>超出额度</translation>
    </message>
    <message>
        <source>credit %1 % used · over limit</source>
        <translation>信用额度已用 %1 % · 超出额度</translation>
    </message>
    <message>
        <source>credit %1 % used</source>
        <translation>信用额度已用 %1 %</translation>
    </message>
    <message>
        <source>owes %1 of %2</source>
        <translation>应收 %1 / 额度 %2</translation>
    </message>
    <message>
        <source>rating %1</source>
        <translation>信用等级 %1</translation>
    </message>
</context>
<context>
    <name>TodayScreen</name>
    <message>
        <source>Today</source>
        <extracomment>tables whose change can alter what Today shows</extracomment>
        <translation>今日</translation>
    </message>
    <message>
        <source>New complaint…</source>
        <translation>新建投诉…</translation>
    </message>
    <message>
        <source>Record a complaint you have just received; you own it until you hand it over</source>
        <translation>登记刚受理的客户投诉；首问负责制：由你负责到底，除非明确移交</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>My tasks: overdue and today</source>
        <translation>我的任务：逾期及今日到期</translation>
    </message>
    <message>
        <source>No tasks due today.</source>
        <translation>今日没有到期任务。</translation>
    </message>
    <message>
        <source>See all</source>
        <translation>查看全部</translation>
    </message>
    <message>
        <source>Overdue for contact</source>
        <translation>超期未联系</translation>
    </message>
    <message>
        <source>Every customer is within their contact rhythm.</source>
        <translation>所有客户均在维护周期内。</translation>
    </message>
    <message>
        <source>Complaints to answer</source>
        <translation>待响应投诉</translation>
    </message>
    <message>
        <source>No complaint is near its response deadline.</source>
        <translation>没有临近响应时限的投诉。</translation>
    </message>
    <message>
        <source>Contracts up for renewal</source>
        <translation>待续签合同</translation>
    </message>
    <message>
        <source>No contract is in its renewal window.</source>
        <translation>没有处于续签窗口期的合同。</translation>
    </message>
    <message>
        <source>Credit near or over the limit</source>
        <translation>接近或超出信用额度</translation>
    </message>
    <message>
        <source>Every customer is within their credit limit.</source>
        <translation>所有客户均在信用额度之内。</translation>
    </message>
    <message>
        <source>Silent customers to win back</source>
        <translation>待唤回的沉默客户</translation>
    </message>
    <message>
        <source>No silent customers.</source>
        <translation>没有沉默客户。</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n 项任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) to contact</source>
        <translation>
            <numerusform>%n 位客户待联系</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s)</source>
        <translation>
            <numerusform>%n 件投诉</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>See all %n in the Customers list</source>
        <translation>
            <numerusform>在客户列表中查看全部 %n 位</numerusform>
        </translation>
    </message>
    <message>
        <source>Greeting copied. Paste it into WeChat or an email.</source>
        <translation>祝福语已复制，可粘贴到微信或邮件中。</translation>
    </message>
    <message>
        <source>Snoozed until %1.</source>
        <translation>已推迟至 %1。</translation>
    </message>
    <message>
        <source>%1 is off Today until %2.</source>
        <translation>%1 在 %2 之前不再显示在“今日”中。</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>已完成：%1</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>Open KAMDesk</source>
        <translation>打开 KAMDesk</translation>
    </message>
    <message>
        <source>Log contact…</source>
        <translation>记录沟通…</translation>
    </message>
    <message>
        <source>Quit KAMDesk</source>
        <translation>退出 KAMDesk</translation>
    </message>
    <message>
        <source>KAMDesk keeps running in the tray so your reminders can reach you. Choose Quit from the tray icon&apos;s menu to close it.</source>
        <translation>KAMDesk 将在系统托盘中继续运行，以便及时提醒您。如需退出，请在托盘图标的菜单中选择“退出 KAMDesk”。</translation>
    </message>
</context>
<context>
    <name>TrayNotifier</name>
    <message>
        <source>Missed while KAMDesk was closed (%1)</source>
        <translation>KAMDesk 关闭期间错过的提醒（%1）</translation>
    </message>
    <message>
        <source>Reminder: %1</source>
        <translation>提醒：%1</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>%1 reminders</source>
        <translation>%1 条提醒</translation>
    </message>
    <message>
        <source>…and %1 more</source>
        <translation>…另有 %1 条</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>no data</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>目标：%1</translation>
    </message>
    <message>
        <source>No periods to show.</source>
        <translation>没有可显示的周期。</translation>
    </message>
    <message numerus="yes">
        <source>No data in the last %n period(s).</source>
        <translation>
            <numerusform>最近 %n 个周期均无数据。</numerusform>
        </translation>
    </message>
    <message>
        <source>Only %1 has data: %2.</source>
        <translation>仅 %1 有数据：%2。</translation>
    </message>
    <message>
        <source>up</source>
        <translation>上升</translation>
    </message>
    <message>
        <source>down</source>
        <translation>下降</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>持平</translation>
    </message>
    <message>
        <source>From %1 in %2 to %3 in %4 (%5).</source>
        <translation>从 %2 的 %1 到 %4 的 %3（%5）。</translation>
    </message>
    <message numerus="yes">
        <source>%n period(s) without data.</source>
        <translation>
            <numerusform>%n 个周期无数据。</numerusform>
        </translation>
    </message>
    <message>
        <source>Target: %1.</source>
        <translation>目标：%1。</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>暂无数据</translation>
    </message>
</context>
<context>
    <name>VCardImportTexts</name>
    <message>
        <source>is missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>is not a date</source>
        <translation>不是有效日期</translation>
    </message>
    <message>
        <source>is not a phone number or e-mail address</source>
        <translation>不是有效的电话号码或电子邮箱</translation>
    </message>
    <message>
        <source>has a year outside 1900–2100</source>
        <translation>年份不在 1900–2100 之间</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>names no customer in your book</source>
        <translation>在客户档案中找不到对应客户</translation>
    </message>
    <message>
        <source>matches more than one customer</source>
        <translation>匹配到多个客户</translation>
    </message>
    <message>
        <source>belongs to a key person of another customer</source>
        <translation>已是另一客户的关键人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Card %1: %2%3 %4</source>
        <translation>第 %1 个联系人：%2%3 %4</translation>
    </message>
    <message>
        <source>Card %1: %2 (%3) %4 differs: kept %5, the card has %6</source>
        <translation>第 %1 个联系人：%2（%3）的%4不一致：保留 %5，名片上为 %6</translation>
    </message>
    <message>
        <source>No problems.</source>
        <translation>没有问题。</translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 updated, %3 unchanged, %4 skipped.</source>
        <translation>已导入：新增 %1 人，更新 %2 人，%3 人无变化，跳过 %4 个。</translation>
    </message>
    <message>
        <source>Nothing is imported yet. The import would add %1 new key people, update %2, leave %3 unchanged and skip %4 contacts.</source>
        <translation>尚未导入任何内容。导入将新增 %1 位关键人，更新 %2 位，%3 位无变化，跳过 %4 个联系人。</translation>
    </message>
</context>
<context>
    <name>VCardPreviewDialog</name>
    <message>
        <source>Import contacts</source>
        <translation>导入通讯录</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>VCardTargetDialog</name>
    <message>
        <source>Import contacts</source>
        <translation>导入通讯录</translation>
    </message>
    <message>
        <source>%1 contacts in the file. Add them as key people of:</source>
        <translation>文件中有 %1 个联系人。将其添加为以下客户的关键人：</translation>
    </message>
    <message>
        <source>This customer:</source>
        <translation>这个客户：</translation>
    </message>
    <message>
        <source>The customer named by each contact&apos;s company (unmatched contacts are listed, not added)</source>
        <translation>按每个联系人的公司名称匹配客户（匹配不到的联系人会列出，不会添加）</translation>
    </message>
</context>
<context>
    <name>ViewsBar</name>
    <message>
        <source>Saved view</source>
        <translation>已保存的视图</translation>
    </message>
    <message>
        <source>Save view…</source>
        <translation>保存视图…</translation>
    </message>
    <message>
        <source>Save the filters, sort and columns under a name</source>
        <translation>把当前筛选、排序和列保存为一个命名视图</translation>
    </message>
    <message>
        <source>Delete view</source>
        <translation>删除视图</translation>
    </message>
    <message>
        <source>Views…</source>
        <translation>视图…</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>保存视图</translation>
    </message>
    <message>
        <source>Name of this view:</source>
        <translation>视图名称：</translation>
    </message>
    <message>
        <source>Saved view %1</source>
        <translation>已保存视图 %1</translation>
    </message>
    <message>
        <source>Deleted view %1. Undo with Ctrl+Z.</source>
        <translation>已删除视图 %1。按 Ctrl+Z 可撤销。</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>DEMO book — sample data, not yours</source>
        <translation>DEMO 演示账本 —— 示例数据，并非您的客户</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to KAMDesk</source>
        <extracomment>settings keys written by the welcome</extracomment>
        <translation>欢迎使用 KAMDesk</translation>
    </message>
    <message>
        <source>Your desk for key accounts: who to call today, what you promised, and how each customer is doing. Everything stays on this computer.</source>
        <translation>您的大客户工作台：今天该联系谁、答应过客户什么、每个客户经营得怎样。所有数据都只保存在这台电脑上。</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>您的姓名：</translation>
    </message>
    <message>
        <source>e.g. 王芳</source>
        <translation>例如：王芳</translation>
    </message>
    <message>
        <source>Customers, contacts and tasks you create are yours by default. You can change this later in Settings.</source>
        <translation>您新建的客户、联系记录和任务默认由您负责。之后可以在设置中修改。</translation>
    </message>
    <message>
        <source>Your book is kept in:</source>
        <translation>账本保存位置：</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>How would you like to start?</source>
        <translation>您想如何开始？</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>从空账本开始</translation>
    </message>
    <message>
        <source>Import a spreadsheet…</source>
        <translation>导入表格…</translation>
    </message>
    <message>
        <source>Explore with demo data</source>
        <translation>使用演示数据体验</translation>
    </message>
    <message>
        <source>Demo data lives in a separate book marked &quot;demo&quot; in the title bar; it never mixes with your own customers.</source>
        <translation>演示数据保存在一个独立的账本中，标题栏标有“DEMO”，绝不会与您自己的客户混在一起。</translation>
    </message>
    <message>
        <source>Where to keep your book</source>
        <translation>选择账本的保存位置</translation>
    </message>
    <message>
        <source>KAMDesk book (*.sqlite3)</source>
        <translation>KAMDesk 账本 (*.sqlite3)</translation>
    </message>
</context>
<context>
    <name>accessibility</name>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <source>Waiting for another program (an import, a backup) to finish writing to the book… %1 s</source>
        <translation>正在等待其他程序（导入、备份）完成写入… %1 秒</translation>
    </message>
    <message>
        <source>KAMDesk</source>
        <translation>KAMDesk</translation>
    </message>
    <message>
        <source>Someone else changed this record while you were editing. Press F5 to see their version, then make your change again.</source>
        <translation>您编辑期间，他人修改了此记录。请按 F5 查看对方的版本，然后重新修改。</translation>
    </message>
</context>
<context>
    <name>texts</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2</source>
        <translation>无法读取文件 %1：%2</translation>
    </message>
</context>
</TS>
