<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BatchExportDialog</name>
    <message numerus="yes">
        <source>%n plan(s) will be exported.</source>
        <translation>
            <numerusform>%n plan will be exported.</numerusform>
            <numerusform>%n plans will be exported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Export stopped by an error after %n file(s): %2</source>
        <translation>
            <numerusform>Export stopped by an error after %n file: %2</numerusform>
            <numerusform>Export stopped by an error after %n files: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %1 of %n file(s) written to %3</source>
        <translation>
            <numerusform>Cancelled: %1 of %n file written to %3</numerusform>
            <numerusform>Cancelled: %1 of %n files written to %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) written to %2</source>
        <translation>
            <numerusform>%n file written to %2</numerusform>
            <numerusform>%n files written to %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BellButton</name>
    <message numerus="yes">
        <source>%n unread reminder(s)</source>
        <translation>
            <numerusform>%n unread reminder</numerusform>
            <numerusform>%n unread reminders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkActions</name>
    <message numerus="yes">
        <source>New owner of %n customer(s):</source>
        <translation>
            <numerusform>New owner of %n customer:</numerusform>
            <numerusform>New owner of %n customers:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reassigned %n customer(s) to %1. Undo with Ctrl+Z.</source>
        <translation>
            <numerusform>Reassigned %n customer to %1. Undo with Ctrl+Z.</numerusform>
            <numerusform>Reassigned %n customers to %1. Undo with Ctrl+Z.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Archived %n customer(s). Undo with Ctrl+Z.</source>
        <translation>
            <numerusform>Archived %n customer. Undo with Ctrl+Z.</numerusform>
            <numerusform>Archived %n customers. Undo with Ctrl+Z.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %n customer(s).</source>
        <translation>
            <numerusform>Restored %n customer.</numerusform>
            <numerusform>Restored %n customers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tagged %n customer(s).</source>
        <translation>
            <numerusform>Tagged %n customer.</numerusform>
            <numerusform>Tagged %n customers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Untagged %n customer(s).</source>
        <translation>
            <numerusform>Untagged %n customer.</numerusform>
            <numerusform>Untagged %n customers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n customer(s) to %1</source>
        <translation>
            <numerusform>Exported %n customer to %1</numerusform>
            <numerusform>Exported %n customers to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message numerus="yes">
        <source>answer within %n hour(s)</source>
        <translation>
            <numerusform>answer within %n hour</numerusform>
            <numerusform>answer within %n hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComplaintsScreen</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s)</source>
        <translation>
            <numerusform>%n complaint</numerusform>
            <numerusform>%n complaints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n past the response deadline</source>
        <translation>
            <numerusform>%n past the response deadline</numerusform>
            <numerusform>%n past the response deadline</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n near it</source>
        <translation>
            <numerusform>%n near it</numerusform>
            <numerusform>%n near it</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComplaintsTab</name>
    <message numerus="yes">
        <source>%n complaint(s) past the response deadline</source>
        <translation>
            <numerusform>%n complaint past the response deadline</numerusform>
            <numerusform>%n complaints past the response deadline</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s), %1 not followed up yet</source>
        <translation>
            <numerusform>%n complaint, %1 not followed up yet</numerusform>
            <numerusform>%n complaints, %1 not followed up yet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactLogScreen</name>
    <message numerus="yes">
        <source>No contacts between these dates; %n outside them.</source>
        <translation>
            <numerusform>No contacts between these dates; %n outside them.</numerusform>
            <numerusform>No contacts between these dates; %n outside them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n contact(s)?</source>
        <translation>
            <numerusform>Delete %n contact?</numerusform>
            <numerusform>Delete %n contacts?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n contact(s). Undo with Ctrl+Z.</source>
        <translation>
            <numerusform>Deleted %n contact. Undo with Ctrl+Z.</numerusform>
            <numerusform>Deleted %n contacts. Undo with Ctrl+Z.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %n contact(s).</source>
        <translation>
            <numerusform>Restored %n contact.</numerusform>
            <numerusform>Restored %n contacts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactLogTab</name>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContractsTab</name>
    <message numerus="yes">
        <source>ended %n day(s) ago</source>
        <translation>
            <numerusform>ended %n day ago</numerusform>
            <numerusform>ended %n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Renewal window: %n day(s) before the end</source>
        <translation>
            <numerusform>Renewal window: %n day before the end</numerusform>
            <numerusform>Renewal window: %n days before the end</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contract(s) due for renewal</source>
        <translation>
            <numerusform>%n contract due for renewal</numerusform>
            <numerusform>%n contracts due for renewal</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contract(s)</source>
        <translation>
            <numerusform>%n contract</numerusform>
            <numerusform>%n contracts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomersScreen</name>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DBusNotifier</name>
    <message numerus="yes">
        <source>…and %n more reminder(s)</source>
        <translation>
            <numerusform>…and %n more reminder</numerusform>
            <numerusform>…and %n more reminders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n missing</source>
        <translation>
            <numerusform>%n missing</numerusform>
            <numerusform>%n missing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) attached</source>
        <translation>
            <numerusform>%n document attached</numerusform>
            <numerusform>%n documents attached</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DrillDownDialog</name>
    <message numerus="yes">
        <source>%n row(s), %1 to act on (listed first). Double-click a row to open the customer.</source>
        <translation>
            <numerusform>%n row, %1 to act on (listed first). Double-click a row to open the customer.</numerusform>
            <numerusform>%n rows, %1 to act on (listed first). Double-click a row to open the customer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventsScreen</name>
    <message numerus="yes">
        <source>%n follow-up task(s) created, due %1</source>
        <translation>
            <numerusform>%n follow-up task created, due %1</numerusform>
            <numerusform>%n follow-up tasks created, due %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HealthTab</name>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeyDatesCard</name>
    <message numerus="yes">
        <source>%n key date(s)</source>
        <translation>
            <numerusform>%n key date</numerusform>
            <numerusform>%n key dates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more on this day</source>
        <translation>
            <numerusform>and %n more on this day</numerusform>
            <numerusform>and %n more on this day</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MetricsRecomputer</name>
    <message numerus="yes">
        <source>Tiers and contact rhythm updated for %n customer(s).</source>
        <translation>
            <numerusform>Tiers and contact rhythm updated for %n customer.</numerusform>
            <numerusform>Tiers and contact rhythm updated for %n customers.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotificationPanel</name>
    <message numerus="yes">
        <source>… and %n more: see Today and the Calendar</source>
        <translation>
            <numerusform>… and %n more: see Today and the Calendar</numerusform>
            <numerusform>… and %n more: see Today and the Calendar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrdersTab</name>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n order</numerusform>
            <numerusform>%n orders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message numerus="yes">
        <source>(%n month(s))</source>
        <translation>
            <numerusform>(%n month)</numerusform>
            <numerusform>(%n months)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>next %1, in %n day(s)</source>
        <translation>
            <numerusform>next %1, in %n day</numerusform>
            <numerusform>next %1, in %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PaymentsTab</name>
    <message numerus="yes">
        <source>%n payment(s), %1 in all</source>
        <translation>
            <numerusform>%n payment, %1 in all</numerusform>
            <numerusform>%n payments, %1 in all</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeopleTab</name>
    <message numerus="yes">
        <source>%n key person(s)</source>
        <translation>
            <numerusform>%n key person</numerusform>
            <numerusform>%n key people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PipelineScreen</name>
    <message numerus="yes">
        <source>%n day(s) in this stage</source>
        <translation>
            <numerusform>%n day in this stage</numerusform>
            <numerusform>%n days in this stage</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message numerus="yes">
        <source>%n risk(s) added from the data</source>
        <translation>
            <numerusform>%n risk added from the data</numerusform>
            <numerusform>%n risks added from the data</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlansScreen</name>
    <message numerus="yes">
        <source>%n plan(s)</source>
        <translation>
            <numerusform>%n plan</numerusform>
            <numerusform>%n plans</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlansTab</name>
    <message numerus="yes">
        <source>%n plan(s)</source>
        <translation>
            <numerusform>%n plan</numerusform>
            <numerusform>%n plans</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfileHeaderWidget</name>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RowActions</name>
    <message numerus="yes">
        <source>%n customer(s) selected</source>
        <translation>
            <numerusform>%n customer selected</numerusform>
            <numerusform>%n customers selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SelectionPlansDialog</name>
    <message numerus="yes">
        <source>Export plans of %n selected customer(s)</source>
        <translation>
            <numerusform>Export plans of %n selected customer</numerusform>
            <numerusform>Export plans of %n selected customers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TasksScreen</name>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) done.</source>
        <translation>
            <numerusform>%n task done.</numerusform>
            <numerusform>%n tasks done.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TasksTab</name>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open task(s)</source>
        <translation>
            <numerusform>%n open task</numerusform>
            <numerusform>%n open tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayCard</name>
    <message numerus="yes">
        <source>Show %n more</source>
        <translation>
            <numerusform>Show %n more</numerusform>
            <numerusform>Show %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayRows</name>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n year(s))</source>
        <translation>
            <numerusform>%1 (%n year)</numerusform>
            <numerusform>%1 (%n years)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) past the deadline</source>
        <translation>
            <numerusform>%n day past the deadline</numerusform>
            <numerusform>%n days past the deadline</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) past the deadline</source>
        <translation>
            <numerusform>%n hour past the deadline</numerusform>
            <numerusform>%n hours past the deadline</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) past the deadline</source>
        <translation>
            <numerusform>%n minute past the deadline</numerusform>
            <numerusform>%n minutes past the deadline</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>answer within %n hour(s)</source>
        <translation>
            <numerusform>answer within %n hour</numerusform>
            <numerusform>answer within %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>answer within %n minute(s)</source>
        <translation>
            <numerusform>answer within %n minute</numerusform>
            <numerusform>answer within %n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayScreen</name>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) to contact</source>
        <translation>
            <numerusform>%n customer to contact</numerusform>
            <numerusform>%n customers to contact</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s)</source>
        <translation>
            <numerusform>%n complaint</numerusform>
            <numerusform>%n complaints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>See all %n in the Customers list</source>
        <translation>
            <numerusform>See all %n in the Customers list</numerusform>
            <numerusform>See all %n in the Customers list</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message numerus="yes">
        <source>No data in the last %n period(s).</source>
        <translation>
            <numerusform>No data in the last %n period.</numerusform>
            <numerusform>No data in the last %n periods.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n period(s) without data.</source>
        <translation>
            <numerusform>%n period without data.</numerusform>
            <numerusform>%n periods without data.</numerusform>
        </translation>
    </message>
</context>
</TS>
