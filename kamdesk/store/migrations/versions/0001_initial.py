"""initial domain model

Revision ID: 0001_initial
Revises: 
Create Date: 2026-11-23 07:03:14.473003

Landed migrations are never edited: a user's existing database must open.
Never import the live ORM classes here; they change later.
"""
import sqlalchemy as sa
from alembic import op

revision = '0001_initial'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('customers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('short_name', sa.String(length=100), nullable=True),
    sa.Column('industry', sa.String(length=100), nullable=True),
    sa.Column('scale', sa.String(length=100), nullable=True),
    sa.Column('region', sa.String(length=100), nullable=True),
    sa.Column('address', sa.String(length=300), nullable=True),
    sa.Column('website', sa.String(length=300), nullable=True),
    sa.Column('cooperation_start', sa.Date(), nullable=True),
    sa.Column('founded_on', sa.Date(), nullable=True),
    sa.Column('source', sa.String(length=100), nullable=True),
    sa.Column('status', sa.String(length=16), server_default='active', nullable=False),
    sa.Column('potential', sa.String(length=8), server_default='medium', nullable=False),
    sa.Column('strategy_notes', sa.Text(), nullable=True),
    sa.Column('decision_process', sa.Text(), nullable=True),
    sa.Column('explicit_needs', sa.Text(), nullable=True),
    sa.Column('latent_needs', sa.Text(), nullable=True),
    sa.Column('credit_limit_cents', sa.BigInteger(), nullable=True),
    sa.Column('share_of_wallet_pct', sa.Numeric(precision=5, scale=2), nullable=True),
    sa.Column('owner', sa.String(length=100), nullable=True),
    sa.Column('name_pinyin', sa.String(length=400), nullable=True),
    sa.Column('name_initials', sa.String(length=100), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("potential IN ('high','medium','low')", name=op.f('ck_customers_potential')),
    sa.CheckConstraint("status IN ('prospect','active','archived')", name=op.f('ck_customers_status')),
    sa.CheckConstraint('credit_limit_cents IS NULL OR credit_limit_cents >= 0', name=op.f('ck_customers_credit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customers')),
    sa.UniqueConstraint('code', name=op.f('uq_customers_code'))
    )
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.create_index('ix_customers_industry_name', ['industry', 'name'], unique=False)
        batch_op.create_index('ix_customers_name', ['name'], unique=False)
        batch_op.create_index('ix_customers_owner', ['owner'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=16), server_default='other', nullable=False),
    sa.Column('location', sa.String(length=300), nullable=True),
    sa.Column('target_participants', sa.Integer(), nullable=True),
    sa.Column('actual_participants', sa.Integer(), nullable=True),
    sa.Column('satisfaction', sa.Numeric(precision=3, scale=1), nullable=True),
    sa.Column('improvements', sa.Text(), nullable=True),
    sa.Column('follow_up_plan', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("kind IN ('salon','training','user_day','appreciation','webinar','other')", name=op.f('ck_events_kind')),
    sa.CheckConstraint('satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5', name=op.f('ck_events_satisfaction')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index('ix_events_date', ['held_on'], unique=False)

    op.create_table('account_plans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=16), nullable=False),
    sa.Column('owner', sa.String(length=100), nullable=True),
    sa.Column('status', sa.String(length=8), server_default='draft', nullable=False),
    sa.Column('situation_summary', sa.Text(), nullable=True),
    sa.Column('strengths', sa.Text(), nullable=True),
    sa.Column('weaknesses', sa.Text(), nullable=True),
    sa.Column('swot_opportunities', sa.Text(), nullable=True),
    sa.Column('threats', sa.Text(), nullable=True),
    sa.Column('strategies', sa.Text(), nullable=True),
    sa.Column('opportunities', sa.Text(), nullable=True),
    sa.Column('resources_needed', sa.Text(), nullable=True),
    sa.Column('stakeholder_notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("status IN ('draft','final')", name=op.f('ck_account_plans_status')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_account_plans_customer_id_customers'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_account_plans')),
    sa.UniqueConstraint('customer_id', 'period', name='uq_account_plans_customer_period')
    )
    op.create_table('contracts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=64), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('start_on', sa.Date(), nullable=True),
    sa.Column('end_on', sa.Date(), nullable=True),
    sa.Column('value_cents', sa.BigInteger(), nullable=True),
    sa.Column('status', sa.String(length=12), server_default='draft', nullable=False),
    sa.Column('renewal_notice_days', sa.SmallInteger(), server_default='60', nullable=False),
    sa.Column('file_path', sa.String(length=1000), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("status IN ('draft','review','signed','active','expired','terminated','renewed')", name=op.f('ck_contracts_status')),
    sa.CheckConstraint('end_on IS NULL OR start_on IS NULL OR end_on >= start_on', name=op.f('ck_contracts_dates')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_contracts_customer_id_customers'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contracts')),
    sa.UniqueConstraint('number', name=op.f('uq_contracts_number'))
    )
    with op.batch_alter_table('contracts', schema=None) as batch_op:
        batch_op.create_index('ix_contracts_customer', ['customer_id'], unique=False)
        batch_op.create_index('ix_contracts_end', ['end_on'], unique=False)

    op.create_table('interactions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('occurred_at', sa.DateTime(), nullable=False),
    sa.Column('channel', sa.String(length=12), nullable=False),
    sa.Column('topic', sa.String(length=300), nullable=False),
    sa.Column('feedback', sa.Text(), nullable=True),
    sa.Column('issue', sa.Text(), nullable=True),
    sa.Column('next_action', sa.Text(), nullable=True),
    sa.Column('owner', sa.String(length=100), nullable=True),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('satisfaction', sa.SmallInteger(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("channel IN ('visit','phone','email','wechat','video','meeting','event')", name=op.f('ck_interactions_channel')),
    sa.CheckConstraint('satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5', name=op.f('ck_interactions_satisfaction')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_interactions_customer_id_customers'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interactions'))
    )
    with op.batch_alter_table('interactions', schema=None) as batch_op:
        batch_op.create_index('ix_interactions_customer_when', ['customer_id', 'occurred_at'], unique=False)
        batch_op.create_index('ix_interactions_when', ['occurred_at'], unique=False)

    op.create_table('opportunities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('stage', sa.String(length=16), server_default='lead', nullable=False),
    sa.Column('owner', sa.String(length=100), nullable=True),
    sa.Column('stage_target_date', sa.Date(), nullable=True),
    sa.Column('expected_value_cents', sa.BigInteger(), nullable=True),
    sa.Column('probability', sa.SmallInteger(), server_default='10', nullable=False),
    sa.Column('lost_reason', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("stage IN ('lead','first_contact','demo','trial','won','lost')", name=op.f('ck_opportunities_stage')),
    sa.CheckConstraint('probability BETWEEN 0 AND 100', name=op.f('ck_opportunities_probability')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_opportunities_customer_id_customers'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_opportunities'))
    )
    with op.batch_alter_table('opportunities', schema=None) as batch_op:
        batch_op.create_index('ix_opportunities_customer', ['customer_id'], unique=False)
        batch_op.create_index('ix_opportunities_stage', ['stage'], unique=False)

    op.create_table('people',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('title', sa.String(length=100), nullable=True),
    sa.Column('department', sa.String(length=100), nullable=True),
    sa.Column('decision_role', sa.String(length=24), nullable=True),
    sa.Column('attitude', sa.String(length=12), server_default='neutral', nullable=False),
    sa.Column('relationship_strength', sa.SmallInteger(), server_default='3', nullable=False),
    sa.Column('phone', sa.String(length=50), nullable=True),
    sa.Column('mobile', sa.String(length=50), nullable=True),
    sa.Column('email', sa.String(length=200), nullable=True),
    sa.Column('wechat', sa.String(length=100), nullable=True),
    sa.Column('preferred_contact_time', sa.String(length=100), nullable=True),
    sa.Column('preferred_channel', sa.String(length=24), nullable=True),
    sa.Column('communication_style', sa.Text(), nullable=True),
    sa.Column('concerns', sa.Text(), nullable=True),
    sa.Column('interests', sa.Text(), nullable=True),
    sa.Column('taboos', sa.Text(), nullable=True),
    sa.Column('career_goals', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('reports_to_id', sa.Integer(), nullable=True),
    sa.Column('is_primary', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('archived', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('name_pinyin', sa.String(length=200), nullable=True),
    sa.Column('name_initials', sa.String(length=50), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("attitude IN ('supporter','neutral','opponent')", name=op.f('ck_people_attitude')),
    sa.CheckConstraint("decision_role IS NULL OR decision_role IN ('decision_maker','economic_buyer','technical_evaluator','user','influencer','gatekeeper','coach')", name=op.f('ck_people_role')),
    sa.CheckConstraint('relationship_strength BETWEEN 1 AND 5', name=op.f('ck_people_strength')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_people_customer_id_customers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reports_to_id'], ['people.id'], name=op.f('fk_people_reports_to_id_people'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_people'))
    )
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.create_index('ix_people_customer', ['customer_id'], unique=False)
        batch_op.create_index('ix_people_name', ['name'], unique=False)

    op.create_table('trades',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('amount_cents', sa.BigInteger(), nullable=False),
    sa.Column('product_line', sa.String(length=100), nullable=True),
    sa.Column('quantity', sa.Integer(), nullable=True),
    sa.Column('order_no', sa.String(length=64), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_trades_customer_id_customers'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trades'))
    )
    with op.batch_alter_table('trades', schema=None) as batch_op:
        batch_op.create_index('ix_trades_customer_date', ['customer_id', 'occurred_on', 'amount_cents'], unique=False)
        batch_op.create_index('ix_trades_date', ['occurred_on'], unique=False)

    op.create_table('complaints',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('channel', sa.String(length=24), nullable=True),
    sa.Column('category', sa.String(length=100), nullable=True),
    sa.Column('severity', sa.String(length=12), server_default='medium', nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('response_deadline', sa.DateTime(), nullable=True),
    sa.Column('responded_at', sa.DateTime(), nullable=True),
    sa.Column('owner', sa.String(length=100), nullable=True),
    sa.Column('status', sa.String(length=12), server_default='open', nullable=False),
    sa.Column('resolution', sa.Text(), nullable=True),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.Column('follow_up_at', sa.DateTime(), nullable=True),
    sa.Column('satisfaction_after', sa.SmallInteger(), nullable=True),
    sa.Column('lessons', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("severity IN ('low','medium','high','critical')", name=op.f('ck_complaints_severity')),
    sa.CheckConstraint("status IN ('open','responded','resolved','closed')", name=op.f('ck_complaints_status')),
    sa.CheckConstraint('satisfaction_after IS NULL OR satisfaction_after BETWEEN 1 AND 5', name=op.f('ck_complaints_satisfaction')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_complaints_customer_id_customers'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_complaints_person_id_people'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaints'))
    )
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.create_index('ix_complaints_customer', ['customer_id'], unique=False)
        batch_op.create_index('ix_complaints_status_deadline', ['status', 'response_deadline'], unique=False)

    op.create_table('event_attendance',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('invited', sa.Boolean(), server_default='1', nullable=False),
    sa.Column('attended', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('satisfaction', sa.SmallInteger(), nullable=True),
    sa.Column('feedback', sa.Text(), nullable=True),
    sa.CheckConstraint('satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5', name=op.f('ck_event_attendance_satisfaction')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_event_attendance_customer_id_customers'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_attendance_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_event_attendance_person_id_people'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_attendance')),
    sa.UniqueConstraint('event_id', 'customer_id', 'person_id', name='uq_event_attendance')
    )
    with op.batch_alter_table('event_attendance', schema=None) as batch_op:
        batch_op.create_index('ix_event_attendance_customer', ['customer_id'], unique=False)

    op.create_table('interaction_people',
    sa.Column('interaction_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['interaction_id'], ['interactions.id'], name=op.f('fk_interaction_people_interaction_id_interactions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_interaction_people_person_id_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('interaction_id', 'person_id', name=op.f('pk_interaction_people'))
    )
    with op.batch_alter_table('interaction_people', schema=None) as batch_op:
        batch_op.create_index('ix_interaction_people_person', ['person_id'], unique=False)

    op.create_table('key_dates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=True),
    sa.Column('calendar', sa.String(length=8), server_default='solar', nullable=False),
    sa.Column('month', sa.SmallInteger(), nullable=False),
    sa.Column('day', sa.SmallInteger(), nullable=False),
    sa.Column('leap_month', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('year', sa.SmallInteger(), nullable=True),
    sa.Column('recurrence', sa.String(length=8), server_default='yearly', nullable=False),
    sa.Column('remind_days_before', sa.SmallInteger(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("calendar IN ('solar','lunar')", name=op.f('ck_key_dates_calendar')),
    sa.CheckConstraint("kind IN ('birthday','anniversary','founding','custom')", name=op.f('ck_key_dates_kind')),
    sa.CheckConstraint("recurrence = 'yearly' OR year IS NOT NULL", name=op.f('ck_key_dates_once_has_year')),
    sa.CheckConstraint("recurrence IN ('yearly','once')", name=op.f('ck_key_dates_recurrence')),
    sa.CheckConstraint('month BETWEEN 1 AND 12 AND day BETWEEN 1 AND 31', name=op.f('ck_key_dates_month_day')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_key_dates_customer_id_customers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_key_dates_person_id_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_key_dates'))
    )
    with op.batch_alter_table('key_dates', schema=None) as batch_op:
        batch_op.create_index('ix_key_dates_customer', ['customer_id'], unique=False)
        batch_op.create_index('ix_key_dates_person', ['person_id'], unique=False)

    op.create_table('opportunity_stage_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('opportunity_id', sa.Integer(), nullable=False),
    sa.Column('from_stage', sa.String(length=16), nullable=True),
    sa.Column('to_stage', sa.String(length=16), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['opportunity_id'], ['opportunities.id'], name=op.f('fk_opportunity_stage_changes_opportunity_id_opportunities'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_opportunity_stage_changes'))
    )
    with op.batch_alter_table('opportunity_stage_changes', schema=None) as batch_op:
        batch_op.create_index('ix_stage_changes_opportunity', ['opportunity_id'], unique=False)

    op.create_table('plan_objectives',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('metric', sa.String(length=300), nullable=False),
    sa.Column('baseline', sa.String(length=100), nullable=True),
    sa.Column('target', sa.String(length=100), nullable=True),
    sa.Column('due', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=12), server_default='open', nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['account_plans.id'], name=op.f('fk_plan_objectives_plan_id_account_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_objectives'))
    )
    with op.batch_alter_table('plan_objectives', schema=None) as batch_op:
        batch_op.create_index('ix_plan_objectives_plan', ['plan_id'], unique=False)

    op.create_table('plan_risks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('risk', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=16), server_default='other', nullable=False),
    sa.Column('level', sa.String(length=8), server_default='medium', nullable=False),
    sa.Column('mitigation', sa.Text(), nullable=True),
    sa.CheckConstraint("kind IN ('credit','market','single_contact','contract','other')", name=op.f('ck_plan_risks_kind')),
    sa.CheckConstraint("level IN ('low','medium','high')", name=op.f('ck_plan_risks_level')),
    sa.ForeignKeyConstraint(['plan_id'], ['account_plans.id'], name=op.f('fk_plan_risks_plan_id_account_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_risks'))
    )
    with op.batch_alter_table('plan_risks', schema=None) as batch_op:
        batch_op.create_index('ix_plan_risks_plan', ['plan_id'], unique=False)

    op.create_table('survey_responses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('responded_on', sa.Date(), nullable=False),
    sa.Column('csat', sa.SmallInteger(), nullable=True),
    sa.Column('nps', sa.SmallInteger(), nullable=True),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.CheckConstraint('csat IS NOT NULL OR nps IS NOT NULL', name=op.f('ck_survey_responses_has_score')),
    sa.CheckConstraint('csat IS NULL OR csat BETWEEN 1 AND 5', name=op.f('ck_survey_responses_csat')),
    sa.CheckConstraint('nps IS NULL OR nps BETWEEN 0 AND 10', name=op.f('ck_survey_responses_nps')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_survey_responses_customer_id_customers'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_survey_responses_person_id_people'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_responses'))
    )
    with op.batch_alter_table('survey_responses', schema=None) as batch_op:
        batch_op.create_index('ix_survey_customer_date', ['customer_id', 'responded_on'], unique=False)

    op.create_table('tasks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('kind', sa.String(length=8), server_default='task', nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('interaction_id', sa.Integer(), nullable=True),
    sa.Column('owner', sa.String(length=100), nullable=True),
    sa.Column('due_at', sa.DateTime(), nullable=True),
    sa.Column('remind_at', sa.DateTime(), nullable=True),
    sa.Column('snoozed_until', sa.DateTime(), nullable=True),
    sa.Column('notified_at', sa.DateTime(), nullable=True),
    sa.Column('done_at', sa.DateTime(), nullable=True),
    sa.Column('priority', sa.SmallInteger(), server_default='2', nullable=False),
    sa.Column('source', sa.String(length=12), server_default='manual', nullable=False),
    sa.Column('source_key', sa.String(length=100), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("kind IN ('task','call','visit')", name=op.f('ck_tasks_kind')),
    sa.CheckConstraint("source IN ('manual','interaction','cadence','key_date','contract','complaint','plan')", name=op.f('ck_tasks_source')),
    sa.CheckConstraint('priority BETWEEN 1 AND 3', name=op.f('ck_tasks_priority')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_tasks_customer_id_customers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['interaction_id'], ['interactions.id'], name=op.f('fk_tasks_interaction_id_interactions'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_tasks_person_id_people'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tasks')),
    sa.UniqueConstraint('source_key', name=op.f('uq_tasks_source_key'))
    )
    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.create_index('ix_tasks_customer', ['customer_id'], unique=False)
        batch_op.create_index('ix_tasks_open_due', ['done_at', 'due_at'], unique=False)
        batch_op.create_index('ix_tasks_remind', ['done_at', 'remind_at'], unique=False)

    op.create_table('plan_actions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('action', sa.Text(), nullable=False),
    sa.Column('owner', sa.String(length=100), nullable=True),
    sa.Column('due', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=12), server_default='open', nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("status IN ('open','in_progress','done','dropped')", name=op.f('ck_plan_actions_status')),
    sa.ForeignKeyConstraint(['plan_id'], ['account_plans.id'], name=op.f('fk_plan_actions_plan_id_account_plans'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['task_id'], ['tasks.id'], name=op.f('fk_plan_actions_task_id_tasks'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_actions'))
    )
    with op.batch_alter_table('plan_actions', schema=None) as batch_op:
        batch_op.create_index('ix_plan_actions_plan', ['plan_id'], unique=False)

    # ### end Alembic commands ###




def downgrade() -> None:
    op.drop_table('plan_actions')
    op.drop_table('tasks')
    op.drop_table('survey_responses')
    op.drop_table('plan_risks')
    op.drop_table('plan_objectives')
    op.drop_table('opportunity_stage_changes')
    op.drop_table('key_dates')
    op.drop_table('interaction_people')
    op.drop_table('event_attendance')
    op.drop_table('complaints')
    op.drop_table('trades')
    op.drop_table('people')
    op.drop_table('opportunities')
    op.drop_table('interactions')
    op.drop_table('contracts')
    op.drop_table('account_plans')
    op.drop_table('events')
    op.drop_table('customers')
