"""The whole domain model, one concept per module.

Importing this package registers every table on :data:`Base.metadata`.
"""

from kamdesk.store.models.base import Base
from kamdesk.store.models.complaint import Complaint, ComplaintHandover
from kamdesk.store.models.contract import Contract, ContractEvent
from kamdesk.store.models.customer import Customer
from kamdesk.store.models.document import Document, DocumentContent
from kamdesk.store.models.event import Event, EventAttendance
from kamdesk.store.models.history import ChangeRecord
from kamdesk.store.models.import_batch import ImportBatch, ImportBatchRow
from kamdesk.store.models.interaction import Interaction, interaction_people
from kamdesk.store.models.key_date import KeyDate
from kamdesk.store.models.metrics import CustomerMetrics, TierChange
from kamdesk.store.models.opportunity import Opportunity, OpportunityStageChange
from kamdesk.store.models.payment import Payment
from kamdesk.store.models.person import Person
from kamdesk.store.models.plan import AccountPlan, PlanAction, PlanObjective, PlanRisk
from kamdesk.store.models.setting import AppSetting
from kamdesk.store.models.survey import SurveyResponse
from kamdesk.store.models.tag import Tag, customer_tags
from kamdesk.store.models.task import Task
from kamdesk.store.models.trade import Transaction

__all__ = [
    "AccountPlan", "AppSetting", "Base", "ChangeRecord", "Complaint", "ComplaintHandover",
    "Contract", "ContractEvent", "Customer",
    "CustomerMetrics", "Document", "DocumentContent", "Event", "EventAttendance",
    "ImportBatch", "ImportBatchRow",
    "Interaction", "KeyDate",
    "Opportunity", "OpportunityStageChange", "Payment", "Person", "PlanAction", "PlanObjective",
    "PlanRisk", "SurveyResponse", "Tag", "Task", "TierChange", "Transaction",
    "customer_tags", "interaction_people",
]
